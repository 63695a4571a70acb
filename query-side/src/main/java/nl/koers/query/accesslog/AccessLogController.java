package nl.koers.query.accesslog;

import nl.koers.platform.accesslog.AccessLog;
import nl.koers.platform.accesslog.AccessLogEntry;
import nl.koers.platform.security.CurrentUser;
import nl.koers.platform.security.Role;
import nl.koers.platform.web.FieldChecks;
import nl.koers.query.common.Roles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /api/audit/access-log?trajectoryId=&youthId=&from=&to=&limit=}: who read or was refused what, when
 * and why — per trajectory, or per youth ("who looked at this file"). AUDITOR only. There is no write endpoint.
 */
@RestController
public record AccessLogController(AccessLog accessLog, CurrentUser currentUser, Clock clock) {
    private static final int MAX_LIMIT = 10_000;

    @GetMapping("/api/audit/access-log")
    public Map<String, List<AccessLogEntry>> accessLog(@RequestParam(required = false) String trajectoryId,
                                                       @RequestParam(required = false) String youthId,
                                                       @RequestParam(required = false) String from,
                                                       @RequestParam(required = false) String to,
                                                       @RequestParam(defaultValue = "1000") int limit) {
        FieldChecks checks = new FieldChecks(clock);
        checks.check(trajectoryId == null || isUuid(trajectoryId), "trajectoryId", "is not a valid id");
        checks.check(youthId == null || isUuid(youthId), "youthId", "is not a valid id");
        Instant fromInstant = instant(checks, "from", from);
        Instant toInstant = instant(checks, "to", to);
        checks.check(limit >= 1 && limit <= MAX_LIMIT, "limit", "must be 1 to " + MAX_LIMIT);
        checks.throwIfAny();
        Roles.require(currentUser.get(), "only auditors read the access log", Role.AUDITOR);
        return Map.of("entries", accessLog.find(trajectoryId, youthId, fromInstant, toInstant, limit));
    }

    private static Instant instant(FieldChecks checks, String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            checks.add(field, "not a valid instant (ISO-8601 UTC, e.g. 2026-03-01T00:00:00Z)");
            return null;
        }
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
