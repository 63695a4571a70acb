package nl.koers.query.caseload;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The caseload of a scope on {@code asOf}: active trajectories per phase; opened and closed in the last 30 days
 * (by business date, today included); detentions that started more than 7 days ago without a network meeting;
 * active trajectories whose last contact (or, without one, the opening) is more than 30 days ago; the same per
 * wijk, and active trajectories per caseworker ({@code caseworker} {@code null}: not assigned).
 */
public record Caseload(String scope, String code, LocalDate asOf, Map<String, Long> active, long openedLast30Days,
                       long closedLast30Days, long overdueNetworkMeetings, long withoutContact30Days,
                       List<Neighbourhood> byNeighbourhood, List<Caseworker> byCaseworker) {

    public record Neighbourhood(String neighbourhood, String name, Map<String, Long> active, long openedLast30Days,
                                long closedLast30Days, long overdueNetworkMeetings, long withoutContact30Days) {
    }

    public record Caseworker(String caseworker, Map<String, Long> active) {
    }
}
