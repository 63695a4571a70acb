package nl.koers.command.common;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one success answer of every command endpoint: 201, the new version in the body and as ETag. */
public final class Created {

    private Created() {
    }

    public static ResponseEntity<Map<String, Object>> version(long version) {
        return with(version, Map.of());
    }

    /** With the ids the request created, listed before the version. */
    public static ResponseEntity<Map<String, Object>> with(long version, Map<String, Object> ids) {
        return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.ETAG, IfMatch.etag(version))
                .body(body(version, ids));
    }

    /** A new resource: {@code Location} points at it. */
    public static ResponseEntity<Map<String, Object>> at(URI location, long version, Map<String, Object> ids) {
        return ResponseEntity.created(location).header(HttpHeaders.ETAG, IfMatch.etag(version))
                .body(body(version, ids));
    }

    private static Map<String, Object> body(long version, Map<String, Object> ids) {
        Map<String, Object> body = new LinkedHashMap<>(ids);
        body.put("version", version);
        return body;
    }
}
