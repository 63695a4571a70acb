package nl.koers.app.audit;

import nl.koers.platform.security.KoersUser;
import nl.koers.platform.security.Role;

import java.util.Arrays;

/**
 * Whose view {@code koers audit replay --role} reproduces: the live reader checks that role (and a youth worker's
 * areas) exactly as it did then, so a replay shows what that person was shown — a policy analyst's suppressed
 * counts, a youth worker's exact ones for their own areas. Without {@code --role}: a justice liaison for a history,
 * a policy analyst for the aggregated views, each the role the live system answers that view for.
 */
final class ReplayReader {
    private static final String USER = "audit-replay";

    private ReplayReader() {
    }

    static KoersUser of(String role, String areas, String view) {
        if (role == null) {
            return KoersUser.everywhere(USER, "history".equals(view) ? Role.JUSTICE_LIAISON : Role.POLICY_ANALYST);
        }
        if (areas != null && !role.equals("youth-worker")) {
            throw new IllegalArgumentException("--areas belongs with --role youth-worker");
        }
        return switch (role) {
            case "analyst" -> KoersUser.everywhere(USER, Role.POLICY_ANALYST);
            case "liaison" -> KoersUser.everywhere(USER, Role.JUSTICE_LIAISON);
            case "youth-worker" -> {
                if (areas == null || areas.isBlank()) {
                    throw new IllegalArgumentException("--role youth-worker needs --areas FA01,FA03,...");
                }
                yield KoersUser.inAreas(USER, Role.YOUTH_WORKER, Arrays.stream(areas.split(","))
                        .map(String::trim).toArray(String[]::new));
            }
            default -> throw new IllegalArgumentException("--role must be analyst, liaison or youth-worker");
        };
    }
}
