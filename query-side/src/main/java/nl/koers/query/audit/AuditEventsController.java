package nl.koers.query.audit;

import nl.koers.platform.security.CurrentUser;
import nl.koers.platform.security.Role;
import nl.koers.platform.web.ApiProblem;
import nl.koers.platform.web.FieldProblem;
import nl.koers.query.common.Roles;
import org.springframework.http.HttpHeaders;
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
 * {@code GET /api/audit/events?fromPosition=&limit=}: the chained event log as JSON Lines, for auditors only, with
 * a {@code Link: rel="next"} header when more events follow; {@code GET /api/audit/head}: the newest chained event.
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
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().contentType(NDJSON);
        export.nextPage(fromPosition, limit).ifPresent(next -> answer.header(HttpHeaders.LINK,
                "</api/audit/events?fromPosition=" + next + "&limit=" + limit + ">; rel=\"next\""));
        return answer.body(body);
    }

    /** Where a complete export ends: {@code koers audit verify FILE --head POSITION:HASH} checks it gets there. */
    @GetMapping("/head")
    public AuditExport.ChainHead head() {
        Roles.require(currentUser.get(), "only auditors read the event log", Role.AUDITOR);
        return export.head();
    }
}
