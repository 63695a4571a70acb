package nl.koers.platform.security;

import nl.koers.events.common.FocusAreaCode;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The authenticated user as the application sees it: a name (recorded with every event), one role and the
 * focus areas in scope. {@code allAreas} holds for roles that are not bound to areas.
 */
public record KoersUser(String username, Role role, Set<FocusAreaCode> focusAreas, boolean allAreas) {

    /** A user bound to the given focus areas (codes such as {@code FA03}). */
    public static KoersUser inAreas(String username, Role role, String... areas) {
        return new KoersUser(username, role,
                Arrays.stream(areas).map(FocusAreaCode::new).collect(Collectors.toUnmodifiableSet()), false);
    }

    /** A user whose role is not bound to areas. */
    public static KoersUser everywhere(String username, Role role) {
        return new KoersUser(username, role, Set.of(), true);
    }

    public boolean hasScope(FocusAreaCode area) {
        return allAreas || (area != null && focusAreas.contains(area));
    }

    public boolean is(Role expected) {
        return role == expected;
    }
}
