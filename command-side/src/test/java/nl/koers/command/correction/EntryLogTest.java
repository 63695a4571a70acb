package nl.koers.command.correction;

import nl.koers.command.TrajectoryFixtures;
import nl.koers.command.trajectory.Trajectory;
import nl.koers.events.GoldenSamples;
import nl.koers.events.common.Rejection.Kind;
import nl.koers.events.common.TrajectoryEvent;
import nl.koers.events.correction.CorrectEntry;
import nl.koers.events.correction.EntryCorrected;
import nl.koers.events.correction.EntryRetracted;
import nl.koers.events.correction.RetractEntry;
import nl.koers.events.trajectory.TrajectoryClosed;
import nl.koers.events.trajectory.TrajectoryOpened;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
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
import static nl.koers.command.Samples.contactRecorded;
import static nl.koers.command.Samples.date;
import static nl.koers.command.Samples.detentionStarted;
import static nl.koers.command.Samples.opened;
import static nl.koers.command.TrajectoryFixtures.conflict;
import static nl.koers.command.TrajectoryFixtures.refused;

/**
 * Corrections and retractions ({@link EntryLog}), as given / when / then through the aggregate: they point at
 * entries of this trajectory, and only at those their event type allows.
 */
class EntryLogTest {
    private final AggregateTestFixture<Trajectory> fixture = TrajectoryFixtures.fixture();

    @Test
    void anEarlierEntryIsCorrectedByReference() {
        TestExecutor<Trajectory> executor = fixture.given(opened(), contactRecorded(date("2026-01-10")));
        String contact = TrajectoryFixtures.givenIds(fixture).get(1);
        executor.when(new CorrectEntry(ID, contact, TODAY, date("2026-01-09"), SEALED, WORKER), WORKER_FA03)
                .expectEvents(new EntryCorrected(ID, contact, TODAY, date("2026-01-09"), SEALED, WORKER));
    }

    @Test
    void anUnknownEventIdIsInvalid() {
        fixture.given(opened(), contactRecorded(date("2026-01-10")))
                .when(new CorrectEntry(ID, "not-an-entry-here", TODAY, null, SEALED, WORKER), WORKER_FA03)
                .expectException(refused(Kind.INVALID, "eventId")).expectNoEvents();
    }

    @Test
    void aCorrectedDateCannotLieBeforeTheOpening() {
        TestExecutor<Trajectory> executor = fixture.given(opened(), contactRecorded(date("2026-01-10")));
        String contact = TrajectoryFixtures.givenIds(fixture).get(1);
        executor.when(new CorrectEntry(ID, contact, TODAY, OPENED.minusDays(1), SEALED, WORKER), WORKER_FA03)
                .expectException(refused(Kind.INVALID, "newOccurredOn")).expectNoEvents();
    }

    @Test
    void aFactIsRetractedOnce() {
        TestExecutor<Trajectory> executor = fixture.given(opened(), contactRecorded(date("2026-01-10")));
        String contact = TrajectoryFixtures.givenIds(fixture).get(1);
        executor.when(new RetractEntry(ID, contact, TODAY, SEALED, WORKER), WORKER_FA03)
                .expectEvents(new EntryRetracted(ID, contact, TODAY, SEALED, WORKER));

        TestExecutor<Trajectory> again = fixture.given(opened(), contactRecorded(date("2026-01-10")));
        String same = TrajectoryFixtures.givenIds(fixture).get(1);
        again.andGiven(new EntryRetracted(ID, same, TODAY, SEALED, WORKER))
                .when(new RetractEntry(ID, same, TODAY, SEALED, WORKER), WORKER_FA03)
                .expectException(conflict()).expectNoEvents();
    }

    @Test
    void aRetractedEntryCannotBeCorrected() {
        TestExecutor<Trajectory> executor = fixture.given(opened(), contactRecorded(date("2026-01-10")));
        String contact = TrajectoryFixtures.givenIds(fixture).get(1);
        executor.andGiven(new EntryRetracted(ID, contact, TODAY, SEALED, WORKER))
                .when(new CorrectEntry(ID, contact, TODAY, null, SEALED, WORKER), WORKER_FA03)
                .expectException(conflict()).expectNoEvents();
    }

    @Test
    void aStepThatMovedTheTrajectoryOnIsCorrectedNotRetracted() {
        TestExecutor<Trajectory> executor = fixture.given(opened(), detentionStarted(DETAINED));
        String detention = TrajectoryFixtures.givenIds(fixture).get(1);
        executor.when(new RetractEntry(ID, detention, TODAY, SEALED, WORKER), WORKER_FA03)
                .expectException(conflict()).expectNoEvents();
    }

    @Test
    void aCorrectionRefersToTheOriginalNotToAnotherCorrection() {
        TestExecutor<Trajectory> executor = fixture.given(opened(), contactRecorded(date("2026-01-10")));
        String contact = TrajectoryFixtures.givenIds(fixture).get(1);
        executor.andGiven(new EntryCorrected(ID, contact, TODAY, null, SEALED, WORKER));
        String correction = TrajectoryFixtures.givenIds(fixture).get(2);
        executor.when(new RetractEntry(ID, correction, TODAY, SEALED, WORKER), WORKER_FA03)
                .expectException(refused(Kind.INVALID, "eventId")).expectNoEvents();
    }

    @Test
    void anExplanationIsRequired() {
        TestExecutor<Trajectory> executor = fixture.given(opened(), contactRecorded(date("2026-01-10")));
        String contact = TrajectoryFixtures.givenIds(fixture).get(1);
        executor.when(new RetractEntry(ID, contact, TODAY, null, WORKER), WORKER_FA03)
                .expectException(refused(Kind.INVALID, "explanation")).expectNoEvents();
    }

    /** Every event type except the close (after which only follow-up is accepted at all, see AdmissionTest). */
    static Stream<TrajectoryEvent> everyEntryAfterTheOpening() {
        return GoldenSamples.samples().values().stream()
                .filter(event -> event instanceof TrajectoryEvent && !(event instanceof TrajectoryOpened)
                        && !(event instanceof TrajectoryClosed))
                .map(TrajectoryEvent.class::cast);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEntryAfterTheOpening")
    void whatMayBeRetractedIsDecidedByTheEventType(TrajectoryEvent entry) {
        TestExecutor<Trajectory> executor = fixture.given(opened(), entry);
        String id = TrajectoryFixtures.givenIds(fixture).get(1);
        ResultValidator<Trajectory> result = executor.when(new RetractEntry(ID, id, TODAY, SEALED, WORKER),
                WORKER_FA03);
        switch (entry.entryKind()) {
            case FACT -> result.expectEvents(new EntryRetracted(ID, id, TODAY, SEALED, WORKER));
            case STATE_CHANGE -> result.expectException(conflict()).expectNoEvents();
            case AMENDMENT -> result.expectException(refused(Kind.INVALID, "eventId")).expectNoEvents();
        }
    }
}
