package nl.koers.platform.testing;

import nl.koers.platform.security.KoersUser;
import nl.koers.platform.security.PasswordAccounts;
import nl.koers.platform.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;

/**
 * Password accounts for the side modules' test applications ({@code @Import(TestUsers.class)}): one user per role,
 * named like the demo users of the embedded default, password {@value #PASSWORD}. Deliberately not a scanned
 * component, so applications that bring their own users (the embedded default) never see these.
 */
public class TestUsers {
    public static final String PASSWORD = "koers-demo";

    @Bean
    PasswordAccounts testUsers(PasswordEncoder encoder) {
        return PasswordAccounts.withPassword(encoder, PASSWORD, List.of(
                KoersUser.inAreas("jeugdwerker", Role.YOUTH_WORKER, "FA03"),
                KoersUser.inAreas("jeugdwerker-ams", Role.YOUTH_WORKER, "FA01", "FA02"),
                KoersUser.everywhere("liaison", Role.JUSTICE_LIAISON),
                KoersUser.everywhere("auditor", Role.AUDITOR),
                KoersUser.everywhere("analist", Role.POLICY_ANALYST),
                KoersUser.everywhere("beheerder", Role.ADMIN)));
    }
}
