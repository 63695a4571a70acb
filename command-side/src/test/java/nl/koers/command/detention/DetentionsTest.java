package nl.koers.command.detention;

import nl.koers.command.TrajectoryFixtures;
import nl.koers.command.trajectory.Trajectory;
import nl.koers.events.aftercare.AftercareStarted;
import nl.koers.events.common.Rejection.Kind;
import nl.koers.events.detention.DetentionEnded;
import nl.koers.events.detention.DetentionType;
import nl.koers.events.detention.EndDetention;
import nl.koers.events.detention.NetworkMeetingHeld;
import nl.koers.events.detention.PerspectiefplanSet;
import nl.koers.events.detention.RecordNetworkMeeting;
import nl.koers.events.detention.RecordTrajectoryMeeting;
import nl.koers.events.detention.ReleaseReason;
import nl.koers.events.detention.SetPerspectiefplan;
import nl.koers.events.detention.StartDetention;
import nl.koers.events.detention.StartStp;
import nl.koers.events.detention.StpStarted;
import nl.koers.events.detention.TrajectoryMeetingHeld;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static nl.koers.command.Samples.DETAINED;
import static nl.koers.command.Samples.ID;
import static nl.koers.command.Samples.OPENED;
import static nl.koers.command.Samples.SEALED;
import static nl.koers.command.Samples.TODAY;
import static nl.koers.command.Samples.WORKER;
import static nl.koers.command.Samples.WORKER_FA03;
import static nl.koers.command.Samples.date;
import static nl.koers.command.Samples.detentionStarted;
import static nl.koers.command.Samples.opened;
import static nl.koers.command.Samples.startDetention;
import static nl.koers.command.TrajectoryFixtures.conflict;
import static nl.koers.command.TrajectoryFixtures.refused;

/** The trajectory's detentions ({@link Detentions}), as given / when / then through the aggregate. */
class DetentionsTest {
    private final AggregateTestFixture<Trajectory> fixture = TrajectoryFixtures.fixture();

    @Test
    void aTrajectoryCanStartInDetentionRightAfterOpening() {
        fixture.given(opened()).when(startDetention(OPENED), WORKER_FA03).expectEvents(detentionStarted(OPENED));
    }

    @Test
    void oneDetentionAtATime() {
        fixture.given(opened(), detentionStarted(DETAINED)).when(startDetention(TODAY), WORKER_FA03)
                .expectException(conflict()).expectNoEvents();
    }

    @Test
    void theFacilityIsAJjiNameOfAtMost200Characters() {
        fixture.given(opened()).when(new StartDetention(ID, DetentionType.PIJ, "J".repeat(201), DETAINED, WORKER),
                WORKER_FA03).expectException(refused(Kind.INVALID, "facility")).expectNoEvents();
        fixture.given(opened()).when(new StartDetention(ID, DetentionType.PIJ, " ", DETAINED, WORKER), WORKER_FA03)
                .expectException(refused(Kind.INVALID, "facility")).expectNoEvents();
    }

    static Stream<Object> detentionSteps() {
        return Stream.of(new RecordNetworkMeeting(ID, TODAY, WORKER),
                new SetPerspectiefplan(ID, TODAY, SEALED, WORKER),
                new RecordTrajectoryMeeting(ID, TODAY, WORKER),
                new StartStp(ID, TODAY, WORKER),
                new EndDetention(ID, TODAY, ReleaseReason.SENTENCE_SERVED, WORKER));
    }

    @ParameterizedTest
    @MethodSource("detentionSteps")
    void detentionStepsNeedADetentionInProgress(Object step) {
        fixture.given(opened()).when(step, WORKER_FA03).expectException(conflict()).expectNoEvents();
    }

    @ParameterizedTest
    @MethodSource("detentionSteps")
    void detentionStepsAreRecordedDuringADetention(Object step) {
        fixture.given(opened(), detentionStarted(DETAINED)).when(step, WORKER_FA03).expectSuccessfulHandlerExecution();
    }

    @Test
    void theNetworkMeetingIsHeldOnce() {
        fixture.given(opened(), detentionStarted(DETAINED), new NetworkMeetingHeld(ID, date("2025-11-07"), WORKER))
                .when(new RecordNetworkMeeting(ID, TODAY, WORKER), WORKER_FA03)
                .expectException(conflict()).expectNoEvents();
    }

    @Test
    void aStepBeforeTheDetentionStartedIsInvalid() {
        fixture.given(opened(), detentionStarted(DETAINED))
                .when(new RecordNetworkMeeting(ID, DETAINED.minusDays(1), WORKER), WORKER_FA03)
                .expectException(refused(Kind.INVALID, "heldOn")).expectNoEvents();
    }

    @Test
    void theStpStartsOnce() {
        fixture.given(opened(), detentionStarted(DETAINED), new StpStarted(ID, date("2026-02-01"), WORKER))
                .when(new StartStp(ID, TODAY, WORKER), WORKER_FA03)
                .expectException(conflict()).expectNoEvents();
    }

    @Test
    void endingStartsAftercareTheSameDay() {
        fixture.given(opened(), detentionStarted(DETAINED),
                new NetworkMeetingHeld(ID, date("2025-11-07"), WORKER),
                new PerspectiefplanSet(ID, date("2025-12-01"), SEALED, WORKER),
                new TrajectoryMeetingHeld(ID, date("2025-12-01"), WORKER),
                new StpStarted(ID, date("2026-01-10"), WORKER))
                .when(new EndDetention(ID, date("2026-02-20"), ReleaseReason.SENTENCE_SERVED, WORKER), WORKER_FA03)
                .expectEvents(new DetentionEnded(ID, date("2026-02-20"), ReleaseReason.SENTENCE_SERVED, WORKER),
                        new AftercareStarted(ID, date("2026-02-20"), WORKER))
                .expectResultMessagePayload(7L);
    }

    @Test
    void aDetentionCannotEndBeforeItStarted() {
        fixture.given(opened(), detentionStarted(DETAINED))
                .when(new EndDetention(ID, DETAINED.minusDays(2), ReleaseReason.OTHER, WORKER), WORKER_FA03)
                .expectException(refused(Kind.INVALID, "endedOn")).expectNoEvents();
    }

    @Test
    void aDetentionEndsOnItsFirstDayAtTheEarliest() {
        fixture.given(opened(), detentionStarted(DETAINED))
                .when(new EndDetention(ID, DETAINED, ReleaseReason.RELEASED_BY_COURT, WORKER), WORKER_FA03)
                .expectEvents(new DetentionEnded(ID, DETAINED, ReleaseReason.RELEASED_BY_COURT, WORKER),
                        new AftercareStarted(ID, DETAINED, WORKER));
    }

    @Test
    void aDetentionCannotEndBeforeItsLastRecordedStep() {
        fixture.given(opened(), detentionStarted(DETAINED), new StpStarted(ID, date("2026-02-01"), WORKER))
                .when(new EndDetention(ID, date("2026-01-20"), ReleaseReason.OTHER, WORKER), WORKER_FA03)
                .expectException(refused(Kind.INVALID, "endedOn")).expectNoEvents();
    }

    @Test
    void aYouthReEntersDetentionFromAftercare() {
        fixture.given(opened(), detentionStarted(DETAINED),
                new DetentionEnded(ID, date("2025-12-20"), ReleaseReason.SUSPENDED, WORKER),
                new AftercareStarted(ID, date("2025-12-20"), WORKER))
                .when(startDetention(date("2026-02-14")), WORKER_FA03)
                .expectEvents(detentionStarted(date("2026-02-14")));
    }

    @Test
    void reEntryCannotPrecedeTheEndOfThePreviousDetention() {
        fixture.given(opened(), detentionStarted(DETAINED),
                new DetentionEnded(ID, date("2025-12-20"), ReleaseReason.SUSPENDED, WORKER),
                new AftercareStarted(ID, date("2025-12-20"), WORKER))
                .when(startDetention(date("2025-12-01")), WORKER_FA03)
                .expectException(refused(Kind.INVALID, "startedOn")).expectNoEvents();
    }

    @Test
    void afterTheEndNoDetentionStepsUntilTheNextDetention() {
        fixture.given(opened(), detentionStarted(DETAINED),
                new DetentionEnded(ID, date("2025-12-20"), ReleaseReason.SUSPENDED, WORKER),
                new AftercareStarted(ID, date("2025-12-20"), WORKER))
                .when(new RecordTrajectoryMeeting(ID, TODAY, WORKER), WORKER_FA03)
                .expectException(conflict()).expectNoEvents();
    }
}
