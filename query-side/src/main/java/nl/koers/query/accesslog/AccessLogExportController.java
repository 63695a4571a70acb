package nl.koers.query.accesslog;

import nl.koers.platform.accesslog.AccessLog;
import nl.koers.platform.security.CurrentUser;
import nl.koers.platform.security.Role;
import nl.koers.platform.web.ApiProblem;
import nl.koers.platform.web.FieldChecks;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.Clock;

/**
 * {@code GET /api/audit/access-log/export?fromSequence=&limit=}: the chained access log as JSON Lines, for
 * auditors only, like the event log's export; {@code ./koers audit verify FILE} checks it offline.
 */
@RestController
public class AccessLogExportController {
    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final int MAX_LIMIT = 10_000;
    private final AccessLog accessLog;
    private final CurrentUser currentUser;
    private final Clock clock;

    public AccessLogExportController(AccessLog accessLog, CurrentUser currentUser, Clock clock) {
        this.accessLog = accessLog;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @GetMapping("/api/audit/access-log/export")
    public ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "1") long fromSequence,
                                                        @RequestParam(defaultValue = "1000") int limit) {
        FieldChecks checks = new FieldChecks(clock);
        checks.check(fromSequence >= 1, "fromSequence", "must be 1 or more");
        checks.check(limit >= 1 && limit <= MAX_LIMIT, "limit", "must be 1 to " + MAX_LIMIT);
        checks.throwIfAny();
        if (currentUser.get().role() != Role.AUDITOR) {
            throw ApiProblem.forbidden("only auditors read the access log");
        }
        StreamingResponseBody body = out -> accessLog.export(fromSequence, limit, out);
        return ResponseEntity.ok().contentType(NDJSON).body(body);
    }
}
