package nl.koers.platform.security;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The directory when users come from an OIDC provider: Koers cannot list the provider's users, so it knows those
 * who presented a valid token to this process since it started, with the role and areas of their latest token.
 * A user who has not logged in here yet is unknown until they do; a directory that asks the provider (SCIM, an
 * admin API) can replace this one behind {@link UserDirectory}.
 */
final class TokenUserDirectory implements UserDirectory {
    private final Map<String, KoersUser> seen = new ConcurrentHashMap<>();

    /** Called for every verified token whose claims carry a Koers role. */
    void saw(KoersUser user) {
        seen.put(user.username(), user);
    }

    @Override
    public Optional<KoersUser> find(String userName) {
        return userName == null ? Optional.empty() : Optional.ofNullable(seen.get(userName));
    }

    @Override
    public Set<String> userNames() {
        return new TreeSet<>(seen.keySet());
    }
}
