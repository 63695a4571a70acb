package nl.koers.query.casefile;

import nl.koers.events.aftercare.AftercareStarted;
import nl.koers.events.aftercare.BasicCondition;
import nl.koers.events.aftercare.BasicConditionAssessed;
import nl.koers.events.aftercare.ConditionStatus;
import nl.koers.events.common.InterventionId;
import nl.koers.events.contact.ContactRecorded;
import nl.koers.events.correction.EntryCorrected;
import nl.koers.events.correction.EntryRetracted;
import nl.koers.events.detention.DetentionEnded;
import nl.koers.events.detention.DetentionStarted;
import nl.koers.events.detention.DetentionType;
import nl.koers.events.detention.NetworkMeetingHeld;
import nl.koers.events.detention.ReleaseReason;
import nl.koers.events.detention.StpStarted;
import nl.koers.events.intervention.InterventionCompleted;
import nl.koers.events.intervention.InterventionPlanned;
import nl.koers.events.intervention.InterventionStarted;
import nl.koers.events.trajectory.ClosureReason;
import nl.koers.events.trajectory.TrajectoryClosed;
import nl.koers.platform.crypto.PersonalDataCipher;
import nl.koers.query.testing.TestCipher;
import nl.koers.query.testing.TestMongo;
import nl.koers.query.testing.TrajectoryStory;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static nl.koers.query.testing.TrajectoryStory.WORKER;
import static org.assertj.core.api.Assertions.assertThat;

/** The case at a glance, folded from a trajectory's events: what a youth worker sees first. */
class CaseFileTest {
    private static final LocalDate OPENED = LocalDate.of(2026, 1, 5);
    private final PersonalDataCipher cipher = TestCipher.in(TestMongo.freshDatabase());

    private static CaseFile fold(TrajectoryStory story) {
        CaseFile file = CaseFile.from(null);
        for (DomainEventMessage<?> message : story.messages()) {
            file.apply((nl.koers.events.common.TrajectoryEvent) message.getPayload(), message.getIdentifier());
        }
        // what is stored must read back as the same file
        return CaseFile.from(file.toDocument());
    }

    @Test
    void aDetentionShowsWhenItsNetworkMeetingIsDueAndWhenItWasHeld() {
        TrajectoryStory story = TrajectoryStory.opened(cipher, "WK059910", OPENED)
                .then(s -> new DetentionStarted(s.id(), DetentionType.PRE_TRIAL, "JJI Teylingereind",
                        LocalDate.of(2026, 2, 1), WORKER));
        AtAGlance.Detention waiting = fold(story).detention();
        assertThat(waiting.type()).isEqualTo(DetentionType.PRE_TRIAL);
        assertThat(waiting.facility()).isEqualTo("JJI Teylingereind");
        assertThat(waiting.networkMeetingDueOn()).isEqualTo(LocalDate.of(2026, 2, 8));
        assertThat(waiting.networkMeetingHeldOn()).isNull();

        story.then(s -> new NetworkMeetingHeld(s.id(), LocalDate.of(2026, 2, 6), WORKER));
        assertThat(fold(story).detention().networkMeetingHeldOn()).isEqualTo(LocalDate.of(2026, 2, 6));

        story.then(s -> new DetentionEnded(s.id(), LocalDate.of(2026, 3, 1), ReleaseReason.SUSPENDED, WORKER))
                .then(s -> new AftercareStarted(s.id(), LocalDate.of(2026, 3, 1), WORKER));
        assertThat(fold(story).detention()).as("no current detention after release").isNull();
        assertThat(fold(story).phase()).isEqualTo("AFTERCARE");
    }

    @Test
    void interventionsKeepTheirLifeCycle() {
        InterventionId planned = InterventionId.newId();
        InterventionId direct = InterventionId.newId();
        TrajectoryStory story = TrajectoryStory.opened(cipher, "WK059910", OPENED)
                .then(s -> new InterventionPlanned(s.id(), planned, "DEBT_HELP", LocalDate.of(2026, 2, 1), WORKER))
                .then(s -> new InterventionStarted(s.id(), direct, "STREET_COACHING", LocalDate.of(2026, 1, 10), null,
                        WORKER))
                .then(s -> new InterventionCompleted(s.id(), direct, LocalDate.of(2026, 3, 1), WORKER));
        assertThat(fold(story).interventions()).containsExactly(
                new AtAGlance.Intervention(planned.value(), "DEBT_HELP", "PLANNED", LocalDate.of(2026, 2, 1), null,
                        null),
                new AtAGlance.Intervention(direct.value(), "STREET_COACHING", "COMPLETED", null,
                        LocalDate.of(2026, 1, 10), LocalDate.of(2026, 3, 1)));
        assertThat(fold(story).workFacts().planned()).containsOnlyKeys(planned.value());
    }

    @Test
    void theLatestAssessmentOfEachBasicConditionCountsAndARetractedOneNoLonger() {
        TrajectoryStory story = TrajectoryStory.opened(cipher, "WK059910", OPENED)
                .then(s -> new BasicConditionAssessed(s.id(), BasicCondition.HOUSING, ConditionStatus.NOT_MET,
                        LocalDate.of(2026, 2, 1), WORKER))
                .then(s -> new BasicConditionAssessed(s.id(), BasicCondition.HOUSING, ConditionStatus.MET,
                        LocalDate.of(2026, 3, 1), WORKER))
                .then(s -> new BasicConditionAssessed(s.id(), BasicCondition.ID, ConditionStatus.PARTLY,
                        LocalDate.of(2026, 2, 2), WORKER));
        assertThat(fold(story).basicConditions()).isEqualTo(Map.of(
                BasicCondition.HOUSING, new AtAGlance.Condition(ConditionStatus.MET, LocalDate.of(2026, 3, 1)),
                BasicCondition.ID, new AtAGlance.Condition(ConditionStatus.PARTLY, LocalDate.of(2026, 2, 2))));

        story.then(s -> new EntryRetracted(s.id(), s.eventId(2), LocalDate.of(2026, 3, 2), null, WORKER));
        assertThat(fold(story).basicConditions().get(BasicCondition.HOUSING).status())
                .isEqualTo(ConditionStatus.NOT_MET);
    }

    @Test
    void correctedDatesMoveWhatTheyCorrect() {
        TrajectoryStory story = TrajectoryStory.opened(cipher, "WK059910", OPENED)
                .then(s -> new DetentionStarted(s.id(), DetentionType.PIJ, "JJI", LocalDate.of(2026, 2, 10), WORKER))
                .then(s -> new EntryCorrected(s.id(), s.eventId(1), LocalDate.of(2026, 2, 11),
                        LocalDate.of(2026, 2, 3), null, WORKER))
                .then(s -> new ContactRecorded(s.id(), "TALK", LocalDate.of(2026, 2, 20), null, WORKER))
                .then(s -> new EntryCorrected(s.id(), s.eventId(3), LocalDate.of(2026, 2, 21),
                        LocalDate.of(2026, 2, 15), null, WORKER));
        CaseFile file = fold(story);
        assertThat(file.detention().networkMeetingDueOn()).isEqualTo(LocalDate.of(2026, 2, 10));
        assertThat(file.workFacts().awaitingMeetingSince()).isEqualTo(LocalDate.of(2026, 2, 3));
        assertThat(file.workFacts().lastContact()).isEqualTo(LocalDate.of(2026, 2, 15));
    }

    @Test
    void aReleaseRemembersWhetherTheStpStartedAndAClosedFileItsFollowUp() {
        TrajectoryStory story = TrajectoryStory.opened(cipher, "WK059910", OPENED)
                .then(s -> new DetentionStarted(s.id(), DetentionType.YOUTH_DETENTION, "JJI",
                        LocalDate.of(2026, 1, 10), WORKER))
                .then(s -> new StpStarted(s.id(), LocalDate.of(2026, 2, 1), WORKER))
                .then(s -> new DetentionEnded(s.id(), LocalDate.of(2026, 3, 1), ReleaseReason.SENTENCE_SERVED, WORKER));
        WorkFacts released = fold(story).workFacts();
        assertThat(released.releasedOn()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(released.stpStarted()).isTrue();
        assertThat(fold(story).followUpUntil()).isNull();

        story.then(s -> new TrajectoryClosed(s.id(), LocalDate.of(2026, 4, 30), ClosureReason.GOALS_REACHED, WORKER));
        CaseFile closed = fold(story);
        assertThat(closed.followUpUntil()).isEqualTo(LocalDate.of(2028, 4, 30));
        assertThat(closed.workFacts().lastContact()).as("a closed file needs no contact").isNull();
    }
}
