package nl.koers.events.common;

import nl.koers.events.GoldenSamples;
import nl.koers.events.aftercare.BasicConditionAssessed;
import nl.koers.events.assessment.RiskAssessmentRecorded;
import nl.koers.events.contact.ContactRecorded;
import nl.koers.events.contact.PoliceContactRecorded;
import nl.koers.events.correction.EntryCorrected;
import nl.koers.events.correction.EntryRetracted;
import nl.koers.events.detention.PerspectiefplanSet;
import nl.koers.events.detention.TrajectoryMeetingHeld;
import nl.koers.events.outcome.OutcomeRecorded;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which entries a worker may retract or correct, per event type. Pinned here like the golden JSON: moving a type
 * from one kind to another is a decision about the trajectory's history, not a side effect.
 */
class EntryKindTest {
    private static final Set<Class<?>> RETRACTABLE_FACTS = Set.of(RiskAssessmentRecorded.class, ContactRecorded.class,
            PoliceContactRecorded.class, PerspectiefplanSet.class, TrajectoryMeetingHeld.class,
            BasicConditionAssessed.class, OutcomeRecorded.class);
    private static final Set<Class<?>> AMENDMENTS = Set.of(EntryCorrected.class, EntryRetracted.class);

    private static List<TrajectoryEvent> everyTrajectoryEvent() {
        return GoldenSamples.samples().values().stream()
                .filter(TrajectoryEvent.class::isInstance).map(TrajectoryEvent.class::cast).toList();
    }

    @Test
    void plainFactsCanBeRetractedAndCorrected() {
        assertThat(everyTrajectoryEvent()).filteredOn(e -> RETRACTABLE_FACTS.contains(e.getClass()))
                .hasSameSizeAs(RETRACTABLE_FACTS)
                .allSatisfy(e -> assertThat(e.entryKind()).isEqualTo(EntryKind.FACT));
        assertThat(EntryKind.FACT.retractable()).isTrue();
        assertThat(EntryKind.FACT.correctable()).isTrue();
    }

    @Test
    void correctionsAndRetractionsAreNeverTheTargetOfAnother() {
        assertThat(everyTrajectoryEvent()).filteredOn(e -> AMENDMENTS.contains(e.getClass())).hasSize(2)
                .allSatisfy(e -> assertThat(e.entryKind()).isEqualTo(EntryKind.AMENDMENT));
        assertThat(EntryKind.AMENDMENT.correctable()).isFalse();
        assertThat(EntryKind.AMENDMENT.retractable()).isFalse();
    }

    /** Opening, phases, close, transfer, caseworker, intervention steps and once-only detention steps. */
    @Test
    void everyOtherEntryMovedTheTrajectoryOnAndIsCorrectedNotRetracted() {
        List<TrajectoryEvent> others = everyTrajectoryEvent().stream()
                .filter(e -> !RETRACTABLE_FACTS.contains(e.getClass()) && !AMENDMENTS.contains(e.getClass())).toList();
        assertThat(others).hasSize(13).allSatisfy(e -> assertThat(e.entryKind()).isEqualTo(EntryKind.STATE_CHANGE));
        assertThat(EntryKind.STATE_CHANGE.correctable()).isTrue();
        assertThat(EntryKind.STATE_CHANGE.retractable()).isFalse();
    }
}
