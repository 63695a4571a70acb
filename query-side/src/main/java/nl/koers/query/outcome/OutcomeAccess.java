package nl.koers.query.outcome;

import nl.koers.platform.security.KoersUser;
import nl.koers.platform.web.ApiProblem;
import org.springframework.stereotype.Service;

/** Who may read outcome measures: every role (small counts are suppressed for all). The place for finer rules. */
@Service
public class OutcomeAccess {

    void checkRead(KoersUser user) {
        if (user.role() == null) {
            throw ApiProblem.forbidden("your account has no Koers role");
        }
    }
}
