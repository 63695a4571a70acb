package nl.koers.query.caseload;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AnalystCaseloadTest {

    private static Caseload.Neighbourhood wijk(String code, long prevention, long detention) {
        return new Caseload.Neighbourhood(code, code, Map.of("PREVENTION", prevention, "DETENTION", detention,
                "AFTERCARE", 0L), 7, 0, 0, 0);
    }

    private static Caseload caseload(List<Caseload.Neighbourhood> wijken) {
        long prevention = wijken.stream().mapToLong(w -> w.active().get("PREVENTION")).sum();
        long detention = wijken.stream().mapToLong(w -> w.active().get("DETENTION")).sum();
        return new Caseload("FOCUS_AREA", "FA03", LocalDate.of(2026, 6, 1),
                Map.of("PREVENTION", prevention, "DETENTION", detention, "AFTERCARE", 0L), 7L * wijken.size(), 0, 0, 0,
                wijken, List.of(new Caseload.Caseworker("straatcoach", Map.of("PREVENTION", 1L))));
    }

    @Test
    void countsFromOneToFourAreShownAsBelowFiveAndZeroAndFiveUpAsThemselves() {
        assertThat(AnalystCaseload.cell(0)).isEqualTo(0L);
        assertThat(AnalystCaseload.cell(1)).isEqualTo("<5");
        assertThat(AnalystCaseload.cell(4)).isEqualTo("<5");
        assertThat(AnalystCaseload.cell(5)).isEqualTo(5L);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTotalOverASuppressedDistrictIsWithheldSoTheSmallCountCannotBeDerived() {
        Map<String, Object> shown = AnalystCaseload.of(caseload(List.of(wijk("WK059910", 6, 3), wijk("WK059912", 9, 8))));
        Map<String, Object> active = (Map<String, Object>) shown.get("active");
        assertThat(active.get("PREVENTION")).isEqualTo(15L);
        assertThat(active.get("DETENTION")).isNull();
        List<Map<String, Object>> rows = (List<Map<String, Object>>) shown.get("byNeighbourhood");
        assertThat(((Map<String, Object>) rows.get(0).get("active")).get("DETENTION")).isEqualTo("<5");
        assertThat(((Map<String, Object>) rows.get(1).get("active")).get("DETENTION")).isEqualTo(8L);
        assertThat(shown.get("openedLast30Days")).isEqualTo(14L);
    }

    @Test
    void analystsGetNoBreakdownPerCaseworker() {
        assertThat(AnalystCaseload.of(caseload(List.of(wijk("WK059910", 6, 6))))).doesNotContainKey("byCaseworker");
    }
}
