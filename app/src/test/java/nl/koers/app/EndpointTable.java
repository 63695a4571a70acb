package nl.koers.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the endpoints table of {@code docs/api.md}: every table row under the heading {@code ## Endpoints} (up to
 * the next {@code ## } heading) whose first cell is an HTTP method, as {@code "METHOD /path"}. Backticks are
 * dropped; the path cell holds the path alone, with its variables as the controllers name them.
 */
final class EndpointTable {
    static final String HEADING = "## Endpoints";
    private static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS",
            "TRACE");

    private EndpointTable() {
    }

    static List<String> rows(String markdown) {
        List<String> rows = new ArrayList<>();
        boolean inSection = false;
        boolean sectionSeen = false;
        for (String line : markdown.split("\\R")) {
            if (line.startsWith("## ")) {
                inSection = line.strip().equals(HEADING);
                sectionSeen |= inSection;
                continue;
            }
            if (!inSection || !line.strip().startsWith("|")) {
                continue;
            }
            String[] cells = line.strip().split("\\|");
            if (cells.length < 3) {
                continue;
            }
            String method = cell(cells[1]).toUpperCase(Locale.ROOT);
            if (METHODS.contains(method)) {
                rows.add(method + " " + cell(cells[2]));
            }
        }
        if (!sectionSeen) {
            throw new IllegalArgumentException("no \"" + HEADING + "\" section in the document");
        }
        return rows;
    }

    private static String cell(String raw) {
        return raw.replace("`", "").strip();
    }
}
