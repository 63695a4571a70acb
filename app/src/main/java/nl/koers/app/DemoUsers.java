package nl.koers.app;

import nl.koers.platform.security.KoersUser;
import nl.koers.platform.security.PasswordAccounts;
import nl.koers.platform.security.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;

/**
 * The demo users of the embedded default, one per role and three youth workers (two colleagues in one area, to
 * name the other caseworker, and one elsewhere, to show area scope), all with the password {@value #PASSWORD}.
 * Only with {@code koers.demo-users=true} (application.yml); never in production.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "koers.demo-users", havingValue = "true")
class DemoUsers {
    static final String PASSWORD = "koers-demo";
    static final List<KoersUser> USERS = List.of(
            KoersUser.inAreas("jeugdwerker", Role.YOUTH_WORKER, "FA03"),
            KoersUser.inAreas("jeugdwerker-zuid", Role.YOUTH_WORKER, "FA03"),
            KoersUser.inAreas("jeugdwerker-ams", Role.YOUTH_WORKER, "FA01", "FA02"),
            KoersUser.everywhere("liaison", Role.JUSTICE_LIAISON),
            KoersUser.everywhere("auditor", Role.AUDITOR),
            KoersUser.everywhere("analist", Role.POLICY_ANALYST),
            KoersUser.everywhere("beheerder", Role.ADMIN));

    @Bean
    PasswordAccounts demoUsers(PasswordEncoder encoder) {
        return PasswordAccounts.withPassword(encoder, PASSWORD, USERS);
    }
}
