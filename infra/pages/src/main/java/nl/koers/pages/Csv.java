package nl.koers.pages;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A page's figures as a CSV download (RFC 4180: comma-separated, fields quoted where needed, CRLF), with the
 * same cells the page shows — suppressed counts stay {@code <5}, withheld totals stay withheld.
 */
public final class Csv {
    private Csv() {
    }

    public static ResponseEntity<String> download(String filename, List<List<String>> rows) {
        StringBuilder body = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    body.append(',');
                }
                body.append(field(row.get(i)));
            }
            body.append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename).build().toString())
                .body(body.toString());
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        // A leading =, +, - or @ would be a formula in a spreadsheet; names never start with one, but be sure.
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?[0-9.]+")
                ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
