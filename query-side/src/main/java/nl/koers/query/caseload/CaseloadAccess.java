package nl.koers.query.caseload;

import nl.koers.platform.security.KoersUser;
import nl.koers.platform.web.ApiProblem;
import org.springframework.stereotype.Service;

/**
 * Who may read caseloads: every role (they hold counts, no individual trajectories). The place to add finer
 * rules, such as small-count suppression for policy analysts.
 */
@Service
public class CaseloadAccess {

    void checkRead(KoersUser user) {
        if (user.role() == null) {
            throw ApiProblem.forbidden("your account has no Koers role");
        }
    }
}
