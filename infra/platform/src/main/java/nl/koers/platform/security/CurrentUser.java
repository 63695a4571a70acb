package nl.koers.platform.security;

import nl.koers.platform.web.UnknownUserException;
import nl.koers.events.common.FocusAreaCode;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the {@link KoersUser} from the security context. Roles arrive as authorities {@code ROLE_<ROLE>} and
 * scopes as {@code AREA_<code>} or {@code AREA_ALL}, both from password accounts and from mapped JWT claims, so the
 * service layer does not care where a user came from.
 */
@Component
public class CurrentUser {

    public KoersUser get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new UnknownUserException();
        }
        return fromAuthorities(auth.getName(), auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).collect(Collectors.toSet()));
    }

    static KoersUser fromAuthorities(String username, Set<String> authorities) {
        Role role = authorities.stream()
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .filter(CurrentUser::isRole)
                .map(Role::valueOf)
                .findFirst()
                .orElseThrow(UnknownUserException::new);
        boolean all = authorities.contains("AREA_ALL");
        Set<FocusAreaCode> areas = authorities.stream()
                .filter(a -> a.startsWith("AREA_FA"))
                .map(a -> new FocusAreaCode(a.substring(5)))
                .collect(Collectors.toUnmodifiableSet());
        return new KoersUser(username, role, areas, all);
    }

    static boolean isRole(String name) {
        for (Role role : Role.values()) {
            if (role.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
