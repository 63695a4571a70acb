package nl.koers.query.operations;

import nl.koers.platform.security.KoersUser;
import nl.koers.platform.security.Role;
import nl.koers.platform.web.ApiProblem;
import org.springframework.stereotype.Service;

/** Operations on processors and dead letters are for administrators only. */
@Service
public class AdminAccess {

    void checkAdmin(KoersUser user) {
        if (user.role() != Role.ADMIN) {
            throw ApiProblem.forbidden("only administrators manage views and dead letters");
        }
    }
}
