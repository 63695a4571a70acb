package nl.koers.query.caseload;

import nl.koers.events.reference.ReferenceData;
import nl.koers.events.reference.Wijk;
import nl.koers.pages.Cells;
import nl.koers.pages.map.MapArea;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The caseload of a focus area as the page shows it, built only from the API's answer for this user (exact for
 * the area's youth workers, suppressed for analysts), so the page can never show more than the API would. Per
 * wijk it adds the active total and active trajectories per 1 000 inhabitants (CBS 1 January 2024), which shade
 * the map; a total that is {@code "<5"} or withheld gets no rate and is not shaded.
 */
record CaseloadFigures(String focusArea, String asOf, List<Row> rows, Row total) {
    static final List<String> PHASES = List.of("PREVENTION", "DETENTION", "AFTERCARE");

    /** One line of the table; cells are numbers, {@code "<5"} or {@code null} (withheld). */
    record Row(String code, String name, Integer inhabitants, List<Object> active, Object activeTotal, Double perThousand,
               Object opened, Object closed, Object overdue, Object withoutContact) {

        List<Object> cells() {
            List<Object> cells = new ArrayList<>(active);
            cells.add(activeTotal);
            cells.add(opened);
            cells.add(closed);
            cells.add(overdue);
            cells.add(withoutContact);
            return cells;
        }
    }

    @SuppressWarnings("unchecked")
    static CaseloadFigures of(Map<String, Object> answer) {
        List<Row> rows = new ArrayList<>();
        long inhabitantsTotal = 0;
        for (Map<String, Object> n : (List<Map<String, Object>>) answer.get("byNeighbourhood")) {
            String code = (String) n.get("neighbourhood");
            Integer inhabitants = ReferenceData.get().wijk(code).map(Wijk::inhabitants).orElse(null);
            inhabitantsTotal += inhabitants == null ? 0 : inhabitants;
            rows.add(row(code, (String) n.get("name"), inhabitants, n));
        }
        Row total = row(null, null, (int) inhabitantsTotal, answer);
        return new CaseloadFigures((String) answer.get("code"), String.valueOf(answer.get("asOf")), rows, total);
    }

    @SuppressWarnings("unchecked")
    private static Row row(String code, String name, Integer inhabitants, Map<String, Object> figures) {
        Map<String, Object> activeByPhase = (Map<String, Object>) figures.get("active");
        List<Object> active = PHASES.stream().map(activeByPhase::get).toList();
        Object activeTotal = Cells.sum(active);
        Double perThousand = activeTotal instanceof Number n && inhabitants != null && inhabitants > 0
                ? Math.round(n.doubleValue() * 1_000_000 / inhabitants) / 1000.0 : null;
        return new Row(code, name, inhabitants, active, activeTotal, perThousand, figures.get("openedLast30Days"),
                figures.get("closedLast30Days"), figures.get("overdueNetworkMeetings"),
                figures.get("withoutContact30Days"));
    }

    /** The wijken for the map: the figure printed on each is its active total as the table shows it. */
    List<MapArea> mapAreas(String withheld, String titleFormat) {
        return rows.stream().map(row -> {
            String figure = Cells.text(row.activeTotal(), withheld);
            return new MapArea(row.code(), row.name(), row.activeTotal() == null ? "–" : figure, row.perThousand(),
                    titleFormat.formatted(row.name(), figure,
                            row.perThousand() == null ? "–" : String.valueOf(row.perThousand())));
        }).toList();
    }
}
