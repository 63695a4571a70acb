package nl.koers.platform.security;

import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Users who log in with a password over HTTP Basic, each with a password hash, never the password itself. When
 * the application defines this bean (the demo users of the embedded default, test users), Koers accepts HTTP
 * Basic with these accounts; without it, only bearer tokens from the OIDC provider.
 */
public final class PasswordAccounts {

    public record Account(KoersUser user, String passwordHash) {
    }

    private final Map<String, Account> byName = new LinkedHashMap<>();

    private PasswordAccounts(List<Account> accounts) {
        for (Account account : accounts) {
            if (byName.put(account.user().username(), account) != null) {
                throw new IllegalArgumentException("two accounts named " + account.user().username());
            }
        }
    }

    /** Accounts that share one password (demo and test users), hashed once. */
    public static PasswordAccounts withPassword(PasswordEncoder encoder, String password, List<KoersUser> users) {
        String hash = encoder.encode(password);
        return new PasswordAccounts(users.stream().map(user -> new Account(user, hash)).toList());
    }

    Map<String, Account> byName() {
        return byName;
    }
}
