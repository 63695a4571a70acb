package nl.koers.query.outcome;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SmallCountsTest {

    @Test
    void countsFromOneToFourAreShownAsBelowFiveWithoutShare() {
        SmallCounts.Count cohort = SmallCounts.count(40);
        assertThat(SmallCounts.render(SmallCounts.count(1), cohort)).containsEntry("count", "<5").containsEntry("share", null);
        assertThat(SmallCounts.render(SmallCounts.count(4), cohort)).containsEntry("count", "<5").containsEntry("share", null);
        assertThat(SmallCounts.render(SmallCounts.count(0), cohort)).containsEntry("count", 0L).containsEntry("share", 0.0);
        assertThat(SmallCounts.render(SmallCounts.count(5), cohort)).containsEntry("count", 5L).containsEntry("share", 0.125);
    }

    @Test
    void aTotalIsWithheldWhenAnyOfItsCellsIsSuppressed() {
        List<SmallCounts.Count> cells = List.of(SmallCounts.count(12), SmallCounts.count(3), SmallCounts.count(0));
        SmallCounts.Count total = SmallCounts.count(15);
        SmallCounts.protect(total, cells);
        Map<String, Object> shown = SmallCounts.render(total, SmallCounts.count(40));
        assertThat(shown).containsEntry("count", null).containsEntry("suppressed", true).containsEntry("share", null);
    }

    @Test
    void twoSuppressedCellsStillWithholdTheTotalBecauseTheirSumWouldGiveThemAway() {
        List<SmallCounts.Count> cells = List.of(SmallCounts.count(20), SmallCounts.count(1), SmallCounts.count(1));
        SmallCounts.Count total = SmallCounts.count(22);
        SmallCounts.protect(total, cells);
        assertThat(SmallCounts.render(total)).containsEntry("count", null);
    }

    @Test
    void aTotalOfShownCellsIsShown() {
        List<SmallCounts.Count> cells = List.of(SmallCounts.count(20), SmallCounts.count(0), SmallCounts.count(7));
        SmallCounts.Count total = SmallCounts.count(27);
        SmallCounts.protect(total, cells);
        assertThat(SmallCounts.render(total)).containsEntry("count", 27L);
    }

    @Test
    void noShareOfASuppressedDenominator() {
        assertThat(SmallCounts.render(SmallCounts.count(0), SmallCounts.count(3))).containsEntry("share", null);
    }
}
