package nl.koers.query.caseload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The caseload as a policy analyst sees it, following statistical disclosure practice: every count from 1 to 4 is
 * shown as {@code "<5"}; a total over districts is withheld ({@code null}) when any of its district cells is
 * suppressed, so no small count follows from subtracting shown counts from a shown total; and there is no
 * breakdown per caseworker (staff names are not statistics). Youth workers see their own caseload unsuppressed.
 */
final class AnalystCaseload {
    static final String BELOW_THRESHOLD = "<5";
    private static final List<String> PHASES = List.of("PREVENTION", "DETENTION", "AFTERCARE");

    private AnalystCaseload() {
    }

    static Map<String, Object> of(Caseload caseload) {
        List<Caseload.Neighbourhood> cells = caseload.byNeighbourhood();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scope", caseload.scope());
        body.put("code", caseload.code());
        body.put("asOf", caseload.asOf());
        Map<String, Object> active = new LinkedHashMap<>();
        for (String phase : PHASES) {
            active.put(phase, total(caseload.active().getOrDefault(phase, 0L), cells,
                    n -> n.active().getOrDefault(phase, 0L)));
        }
        body.put("active", active);
        body.put("openedLast30Days", total(caseload.openedLast30Days(), cells, Caseload.Neighbourhood::openedLast30Days));
        body.put("closedLast30Days", total(caseload.closedLast30Days(), cells, Caseload.Neighbourhood::closedLast30Days));
        body.put("overdueNetworkMeetings", total(caseload.overdueNetworkMeetings(), cells,
                Caseload.Neighbourhood::overdueNetworkMeetings));
        body.put("withoutContact30Days", total(caseload.withoutContact30Days(), cells,
                Caseload.Neighbourhood::withoutContact30Days));
        List<Map<String, Object>> byNeighbourhood = new ArrayList<>();
        for (Caseload.Neighbourhood n : cells) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("neighbourhood", n.neighbourhood());
            row.put("name", n.name());
            Map<String, Object> rowActive = new LinkedHashMap<>();
            PHASES.forEach(phase -> rowActive.put(phase, cell(n.active().getOrDefault(phase, 0L))));
            row.put("active", rowActive);
            row.put("openedLast30Days", cell(n.openedLast30Days()));
            row.put("closedLast30Days", cell(n.closedLast30Days()));
            row.put("overdueNetworkMeetings", cell(n.overdueNetworkMeetings()));
            row.put("withoutContact30Days", cell(n.withoutContact30Days()));
            byNeighbourhood.add(row);
        }
        body.put("byNeighbourhood", byNeighbourhood);
        return body;
    }

    static Object cell(long count) {
        return count >= 1 && count <= 4 ? BELOW_THRESHOLD : count;
    }

    /** A total whose district cells include a suppressed one is withheld; otherwise shown like a cell. */
    private static Object total(long total, List<Caseload.Neighbourhood> cells,
                                Function<Caseload.Neighbourhood, Long> metric) {
        boolean anySuppressed = cells.stream().map(metric).anyMatch(v -> v >= 1 && v <= 4);
        if (anySuppressed && cells.size() > 1) {
            return null;
        }
        return cell(total);
    }
}
