package nl.koers.query.search;

import java.util.Optional;
import java.util.Set;

/**
 * Which trajectories a search may find: those in the caller's focus areas ({@code areas}, empty for all) and, like
 * a list, limited by place, phase or caseworker ({@code null}: any).
 */
public record SearchScope(Optional<Set<String>> areas, String neighbourhood, String focusArea, String gemeente,
                          String phase, String caseworker) {

    boolean includes(IndexedCase c) {
        return areas.map(own -> own.contains(c.focusArea())).orElse(true)
                && matches(neighbourhood, c.neighbourhood()) && matches(focusArea, c.focusArea())
                && matches(gemeente, c.gemeente()) && matches(phase, c.phase())
                && matches(caseworker, c.caseworker());
    }

    private static boolean matches(String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }
}
