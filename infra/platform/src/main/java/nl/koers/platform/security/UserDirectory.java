package nl.koers.platform.security;

import java.util.Optional;
import java.util.Set;

/**
 * Who the users are, apart from how they log in: a user name gives a role and focus areas. Services ask it about
 * users other than the one making the request (is the named caseworker someone Koers knows?); the requester
 * itself comes from {@link CurrentUser}.
 */
public interface UserDirectory {

    Optional<KoersUser> find(String userName);

    default boolean exists(String userName) {
        return userName != null && find(userName).isPresent();
    }

    /** The names this directory can answer for, sorted. */
    Set<String> userNames();
}
