package nl.koers.query.audit;

import nl.koers.platform.security.CurrentUser;
import nl.koers.platform.security.Role;
import nl.koers.platform.web.ApiProblem;
import nl.koers.platform.web.FieldProblem;
import nl.koers.query.common.Roles;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/audit/events?fromPosition=&limit=}: the chained event log as JSON Lines, for auditors only.
 * Personal fields stay sealed exactly as stored; after an erasure nobody can open them again.
 */
@RestController
@RequestMapping("/api/audit")
public record AuditEventsController(AuditExport export, CurrentUser currentUser) {
    public static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    static final int MAX_LIMIT = 10_000;

    @GetMapping("/events")
    public ResponseEntity<StreamingResponseBody> events(@RequestParam(defaultValue = "0") long fromPosition,
                                                        @RequestParam(defaultValue = "1000") int limit) {
        List<FieldProblem> errors = new ArrayList<>();
        if (fromPosition < 0) {
            errors.add(new FieldProblem("fromPosition", "must be 0 or more"));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            errors.add(new FieldProblem("limit", "must be from 1 to " + MAX_LIMIT));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        Roles.require(currentUser.get(), "only auditors read the event log", Role.AUDITOR);
        StreamingResponseBody body = out -> export.write(fromPosition, limit, out);
        return ResponseEntity.ok().contentType(NDJSON).body(body);
    }
}
