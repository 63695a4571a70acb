package nl.koers.query.common;

import nl.koers.platform.security.KoersUser;
import nl.koers.platform.security.Role;
import nl.koers.platform.web.ApiProblem;

import java.util.Set;

/** For what only some roles do at all (administration, audit): everyone else is refused (403). */
public final class Roles {
    private Roles() {
    }

    /** {@code refusal} says who may, e.g. "only auditors read the access log". */
    public static void require(KoersUser user, String refusal, Role... allowed) {
        if (!Set.of(allowed).contains(user.role())) {
            throw ApiProblem.forbidden(refusal);
        }
    }
}
