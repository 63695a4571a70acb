package nl.koers.command.intervention;

import nl.koers.command.TrajectoryFixtures;
import nl.koers.command.trajectory.Trajectory;
import nl.koers.events.common.InterventionId;
import nl.koers.events.common.Rejection.Kind;
import nl.koers.events.intervention.CompleteIntervention;
import nl.koers.events.intervention.InterventionCompleted;
import nl.koers.events.intervention.InterventionPlanned;
import nl.koers.events.intervention.InterventionStarted;
import nl.koers.events.intervention.InterventionStopped;
import nl.koers.events.intervention.PlanIntervention;
import nl.koers.events.intervention.RecordIntervention;
import nl.koers.events.intervention.StartIntervention;
import nl.koers.events.intervention.StopIntervention;
import nl.koers.events.intervention.StopReason;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import static nl.koers.command.Samples.ID;
import static nl.koers.command.Samples.INTERVENTION;
import static nl.koers.command.Samples.SEALED;
import static nl.koers.command.Samples.TODAY;
import static nl.koers.command.Samples.WORKER;
import static nl.koers.command.Samples.WORKER_FA03;
import static nl.koers.command.Samples.date;
import static nl.koers.command.Samples.opened;
import static nl.koers.command.TrajectoryFixtures.conflict;
import static nl.koers.command.TrajectoryFixtures.refused;

/** The trajectory's interventions ({@link Interventions}), as given / when / then through the aggregate. */
class InterventionsTest {
    private final AggregateTestFixture<Trajectory> fixture = TrajectoryFixtures.fixture();

    final InterventionStarted started = new InterventionStarted(ID, INTERVENTION, "STREET_COACHING",
            date("2025-10-01"), null, WORKER);

    @Test
    void anInterventionFromTheCatalogueIsPlanned() {
        fixture.given(opened()).when(new PlanIntervention(ID, INTERVENTION, "HALT_AFDOENING", TODAY, WORKER), WORKER_FA03)
                .expectEvents(new InterventionPlanned(ID, INTERVENTION, "HALT_AFDOENING", TODAY, WORKER));
    }

    @Test
    void aTypeOutsideTheCatalogueIsInvalid() {
        fixture.given(opened()).when(new PlanIntervention(ID, INTERVENTION, "BOOT_CAMP", TODAY, WORKER), WORKER_FA03)
                .expectException(refused(Kind.INVALID, "type")).expectNoEvents();
    }

    @Test
    void aPlannedInterventionStartsWithItsPlannedType() {
        fixture.given(opened(), new InterventionPlanned(ID, INTERVENTION, "DEBT_HELP", date("2025-10-01"), WORKER))
                .when(new StartIntervention(ID, INTERVENTION, null, TODAY, SEALED, WORKER), WORKER_FA03)
                .expectEvents(new InterventionStarted(ID, INTERVENTION, "DEBT_HELP", TODAY, SEALED, WORKER));
    }

    @Test
    void startingAPlannedInterventionAsAnotherTypeIsInvalid() {
        fixture.given(opened(), new InterventionPlanned(ID, INTERVENTION, "DEBT_HELP", date("2025-10-01"), WORKER))
                .when(new StartIntervention(ID, INTERVENTION, "WORK_TRAJECTORY", TODAY, null, WORKER), WORKER_FA03)
                .expectException(refused(Kind.INVALID, "type")).expectNoEvents();
    }

    @Test
    void startingAnUnknownInterventionWithoutATypeIsNotFound() {
        fixture.given(opened()).when(new StartIntervention(ID, INTERVENTION, null, TODAY, null, WORKER), WORKER_FA03)
                .expectException(refused(Kind.NOT_FOUND, null)).expectNoEvents();
    }

    @Test
    void anInterventionStartsOnce() {
        fixture.given(opened(), started)
                .when(new StartIntervention(ID, INTERVENTION, null, TODAY, null, WORKER), WORKER_FA03)
                .expectException(conflict()).expectNoEvents();
    }

    @Test
    void recordingWithAnEndDateStartsAndCompletesTogether() {
        fixture.given(opened()).when(new RecordIntervention(ID, INTERVENTION, "HALT_AFDOENING", date("2026-01-05"),
                        date("2026-02-02"), SEALED, WORKER), WORKER_FA03)
                .expectEvents(new InterventionStarted(ID, INTERVENTION, "HALT_AFDOENING", date("2026-01-05"),
                                SEALED, WORKER),
                        new InterventionCompleted(ID, INTERVENTION, date("2026-02-02"), WORKER))
                .expectResultMessagePayload(2L);
    }

    @Test
    void anEndBeforeTheStartIsInvalid() {
        fixture.given(opened()).when(new RecordIntervention(ID, INTERVENTION, "HALT_AFDOENING", date("2026-01-05"),
                        date("2026-01-04"), null, WORKER), WORKER_FA03)
                .expectException(refused(Kind.INVALID, "endedOn")).expectNoEvents();
    }

    @Test
    void aStartedInterventionCompletes() {
        fixture.given(opened(), started).when(new CompleteIntervention(ID, INTERVENTION, TODAY, WORKER), WORKER_FA03)
                .expectEvents(new InterventionCompleted(ID, INTERVENTION, TODAY, WORKER));
    }

    @Test
    void anInterventionCompletesOnce() {
        fixture.given(opened(), started, new InterventionCompleted(ID, INTERVENTION, date("2026-01-01"), WORKER))
                .when(new CompleteIntervention(ID, INTERVENTION, TODAY, WORKER), WORKER_FA03)
                .expectException(conflict()).expectNoEvents();
    }

    @Test
    void aStoppedInterventionCannotComplete() {
        fixture.given(opened(), started,
                new InterventionStopped(ID, INTERVENTION, date("2026-01-01"), StopReason.NO_SHOW, WORKER))
                .when(new CompleteIntervention(ID, INTERVENTION, TODAY, WORKER), WORKER_FA03)
                .expectException(conflict()).expectNoEvents();
    }

    @Test
    void anUnknownInterventionCannotComplete() {
        fixture.given(opened(), started)
                .when(new CompleteIntervention(ID, InterventionId.newId(), TODAY, WORKER), WORKER_FA03)
                .expectException(refused(Kind.NOT_FOUND, null)).expectNoEvents();
    }

    @Test
    void aPlannedInterventionCannotCompleteBeforeItStarts() {
        fixture.given(opened(), new InterventionPlanned(ID, INTERVENTION, "DEBT_HELP", date("2025-10-01"), WORKER))
                .when(new CompleteIntervention(ID, INTERVENTION, TODAY, WORKER), WORKER_FA03)
                .expectException(conflict()).expectNoEvents();
    }

    @Test
    void completionBeforeTheStartIsInvalid() {
        fixture.given(opened(), started).when(new CompleteIntervention(ID, INTERVENTION, date("2025-09-30"), WORKER),
                WORKER_FA03).expectException(refused(Kind.INVALID, "completedOn")).expectNoEvents();
    }

    @Test
    void aStartedInterventionStops() {
        fixture.given(opened(), started)
                .when(new StopIntervention(ID, INTERVENTION, TODAY, StopReason.REFUSED, WORKER), WORKER_FA03)
                .expectEvents(new InterventionStopped(ID, INTERVENTION, TODAY, StopReason.REFUSED, WORKER));
    }

    @Test
    void aCompletedInterventionCannotStop() {
        fixture.given(opened(), started, new InterventionCompleted(ID, INTERVENTION, date("2026-01-01"), WORKER))
                .when(new StopIntervention(ID, INTERVENTION, TODAY, StopReason.REFUSED, WORKER), WORKER_FA03)
                .expectException(conflict()).expectNoEvents();
    }
}
