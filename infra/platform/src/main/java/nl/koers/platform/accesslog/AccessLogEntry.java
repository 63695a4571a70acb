package nl.koers.platform.accesslog;

import java.time.Instant;

/**
 * One line of the access log in the style of NEN 7513: who (user, role), when (UTC), which youth and
 * trajectory (pseudonymous ids only), what action on which resource, why (purpose) and with what outcome.
 *
 * @param outcome {@code GRANTED} or {@code REFUSED}
 */
public record AccessLogEntry(String id, Instant at, String user, String role, String action, String resource,
                             String trajectoryId, String youthId, String purpose, String outcome, int status) {
    public static final String GRANTED = "GRANTED";
    public static final String REFUSED = "REFUSED";
}
