package nl.koers.command.privacy;

import nl.koers.events.common.FieldLimits;
import nl.koers.events.common.YouthId;
import nl.koers.platform.security.CurrentUser;
import nl.koers.platform.security.KoersUser;
import nl.koers.platform.security.Role;
import nl.koers.platform.web.ApiProblem;
import nl.koers.platform.web.FieldChecks;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/youths/{youthId}/erasure} (ADMIN, with a reason): 202 when the erasure happened now, 200 when
 * the youth was already erased (repeating the request changes nothing).
 */
@RestController
public class ErasureController {
    private final YouthErasure erasure;
    private final CurrentUser currentUser;
    private final Clock clock;

    public ErasureController(YouthErasure erasure, CurrentUser currentUser, Clock clock) {
        this.erasure = erasure;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public record ErasureRequest(String reason) {
    }

    @PostMapping("/api/youths/{youthId}/erasure")
    public ResponseEntity<Map<String, Object>> erase(@PathVariable String youthId,
                                                     @RequestBody ErasureRequest request) {
        FieldChecks checks = new FieldChecks(clock);
        YouthId youth = null;
        try {
            youth = new YouthId(youthId);
        } catch (IllegalArgumentException e) {
            checks.add("youthId", "is not a valid id");
        }
        if (checks.required("reason", request == null ? null : request.reason())) {
            checks.maxLength("reason", request.reason(), FieldLimits.ERASURE_REASON);
        }
        checks.throwIfAny();
        KoersUser user = currentUser.get();
        if (user.role() != Role.ADMIN) {
            throw ApiProblem.forbidden("only administrators erase personal data");
        }
        YouthErasure.Erasure done = erasure.erase(youth, request.reason().trim(), user.username());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("youthId", done.youthId());
        body.put("erasedAt", done.erasedAt().toString());
        body.put("erasedBy", done.erasedBy());
        body.put("reason", done.reason());
        return ResponseEntity.status(done.alreadyErased() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(body);
    }
}
