package nl.koers.pages.purpose;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;

class ReadingPurposeTest {

    @Test
    void aCommonReasonNeedsNoTextAndIsLoggedInItsFixedWording() {
        assertThat(ReadingPurpose.problems("HEARING", "")).isEmpty();
        MockHttpSession session = new MockHttpSession();
        ReadingPurpose.keep(session, "HEARING", "  ");
        assertThat(ReadingPurpose.of(session).orElseThrow().logged()).isEqualTo("voorbereiding zitting");
    }

    @Test
    void theFreeTextFollowsTheReason() {
        MockHttpSession session = new MockHttpSession();
        ReadingPurpose.keep(session, "COURT_ADVICE", " zaak 12/345 ");
        assertThat(ReadingPurpose.of(session).orElseThrow().logged()).isEqualTo("advies aan OM/rechter: zaak 12/345");
        assertThat(ReadingPurpose.of(session).orElseThrow().toString()).doesNotContain("12/345");
    }

    @Test
    void noReasonAnUnknownOneAnUnexplainedOtherOrAnOverlongTextIsRefusedByField() {
        assertThat(ReadingPurpose.problems(null, "x")).containsOnlyKeys("reason");
        assertThat(ReadingPurpose.problems("CURIOSITY", null)).containsOnlyKeys("reason");
        assertThat(ReadingPurpose.problems("OTHER", " ")).containsEntry("text", "readingPurpose.error.otherText");
        assertThat(ReadingPurpose.problems("SCREENING", "x".repeat(ReadingPurpose.MAX_TEXT + 1)))
                .containsEntry("text", "readingPurpose.error.text");
        assertThat(ReadingPurpose.problems("SCREENING", "regel\u0007")).containsOnlyKeys("text");
        assertThat(ReadingPurpose.of(new MockHttpSession())).isEmpty();
        assertThat(ReadingPurpose.of(null)).isEmpty();
    }
}
