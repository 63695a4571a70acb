package nl.koers.platform.security;

import nl.koers.events.common.FocusAreaCode;

import java.util.Set;

/**
 * The authenticated user as the application sees it: a name (recorded with every event), one role and the
 * focus areas in scope. {@code allAreas} holds for roles that are not bound to areas.
 */
public record KoersUser(String username, Role role, Set<FocusAreaCode> focusAreas, boolean allAreas) {

    public boolean hasScope(FocusAreaCode area) {
        return allAreas || (area != null && focusAreas.contains(area));
    }

    public boolean is(Role expected) {
        return role == expected;
    }
}
