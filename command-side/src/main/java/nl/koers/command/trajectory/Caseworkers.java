package nl.koers.command.trajectory;

import nl.koers.events.common.FieldLimits;
import nl.koers.platform.security.KoersUser;
import nl.koers.platform.security.Role;
import nl.koers.platform.security.UserDirectory;
import nl.koers.platform.web.FieldChecks;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Who may be named caseworker: a youth worker Koers knows ({@link UserDirectory}), so a typo cannot be recorded as
 * the person responsible for a youth (and "my cases" would silently miss the trajectory). A wrong assignment is
 * corrected by assigning again.
 */
@Component
public class Caseworkers {
    private final UserDirectory users;

    public Caseworkers(UserDirectory users) {
        this.users = users;
    }

    /** Adds the field's problem (400) unless {@code name} is a known youth worker's user name. */
    public void check(FieldChecks checks, String field, String name) {
        if (!checks.required(field, name)) {
            return;
        }
        checks.maxLength(field, name, FieldLimits.CASEWORKER);
        Optional<KoersUser> user = users.find(name.trim());
        if (user.isEmpty()) {
            checks.add(field, "is not a user Koers knows; name a youth worker by their user name");
        } else if (user.get().role() != Role.YOUTH_WORKER) {
            checks.add(field, "is not a youth worker");
        }
    }

    /** The caseworker of a new trajectory: the one the request names, else the one who opens it. */
    static String forOpening(String named, KoersUser opener) {
        return named == null || named.isBlank() ? opener.username() : named.trim();
    }
}
