package nl.koers.command.trajectory;

import nl.koers.command.TrajectoryFixtures;
import nl.koers.command.common.CommandMetadata;
import nl.koers.events.aftercare.AftercareStarted;
import nl.koers.events.aftercare.AssessBasicCondition;
import nl.koers.events.aftercare.BasicCondition;
import nl.koers.events.aftercare.BasicConditionAssessed;
import nl.koers.events.aftercare.ConditionStatus;
import nl.koers.events.assessment.LifeDomain;
import nl.koers.events.assessment.RecordRiskAssessment;
import nl.koers.events.assessment.RiskAssessmentRecorded;
import nl.koers.events.assessment.RiskLevel;
import nl.koers.events.common.Rejection.Kind;
import nl.koers.events.contact.PoliceContactRecorded;
import nl.koers.events.contact.RecordContact;
import nl.koers.events.contact.RecordPoliceContact;
import nl.koers.events.detention.DetentionEnded;
import nl.koers.events.detention.ReleaseReason;
import nl.koers.events.outcome.OutcomeKind;
import nl.koers.events.outcome.OutcomeRecorded;
import nl.koers.events.outcome.RecordOutcome;
import nl.koers.events.trajectory.AssignCaseworker;
import nl.koers.events.trajectory.CaseworkerAssigned;
import nl.koers.events.trajectory.CloseTrajectory;
import nl.koers.events.trajectory.ClosureReason;
import nl.koers.events.trajectory.OpenTrajectory;
import nl.koers.events.trajectory.ReferralSource;
import nl.koers.events.trajectory.TrajectoryClosed;
import nl.koers.events.trajectory.TrajectoryTransferred;
import nl.koers.events.trajectory.TransferTrajectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static nl.koers.command.Samples.AMSTERDAM_WIJK;
import static nl.koers.command.Samples.DETAINED;
import static nl.koers.command.Samples.FA01;
import static nl.koers.command.Samples.FA03;
import static nl.koers.command.Samples.ID;
import static nl.koers.command.Samples.OPENED;
import static nl.koers.command.Samples.OTHER_WIJK;
import static nl.koers.command.Samples.SEALED;
import static nl.koers.command.Samples.SEALED_YOUTH;
import static nl.koers.command.Samples.TODAY;
import static nl.koers.command.Samples.WIJK;
import static nl.koers.command.Samples.WORKER;
import static nl.koers.command.Samples.WORKER_FA03;
import static nl.koers.command.Samples.YOUTH;
import static nl.koers.command.Samples.contactRecorded;
import static nl.koers.command.Samples.date;
import static nl.koers.command.Samples.detentionStarted;
import static nl.koers.command.Samples.opened;
import static nl.koers.command.TrajectoryFixtures.conflict;
import static nl.koers.command.TrajectoryFixtures.refused;

/**
 * The trajectory root's own rules, each as given (earlier events) / when (a command) / then (events or refusal):
 * opening, closing, caseworker and transfer, and the plain facts it records itself.
 */
class TrajectoryTest {
    private final AggregateTestFixture<Trajectory> fixture = TrajectoryFixtures.fixture();

    OpenTrajectory open(int age, String wijk, LocalDate on) {
        return new OpenTrajectory(ID, YOUTH, new nl.koers.events.common.CbsWijkCode(wijk), FA03, on,
                ReferralSource.POLICE, SEALED, SEALED_YOUTH, age, WORKER, WORKER);
    }

    @Test
    void aYouthOfFifteenInAKnownDistrictEntersTheProgramme() {
        fixture.givenNoPriorActivity()
                .when(open(15, "WK059910", OPENED), WORKER_FA03)
                .expectSuccessfulHandlerExecution()
                .expectEvents(opened(), new CaseworkerAssigned(ID, WORKER, OPENED, WORKER));
    }

    @Test
    void theAgeLimitsEightAndTwentySevenAreInside() {
        fixture.givenNoPriorActivity().when(open(8, "WK059910", OPENED)).expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity().when(open(27, "WK059910", OPENED)).expectSuccessfulHandlerExecution();
    }

    @Test
    void aSevenYearOldIsRefused() {
        fixture.givenNoPriorActivity().when(open(7, "WK059910", OPENED))
                .expectException(refused(Kind.INVALID, "youth.birthDate")).expectNoEvents();
    }

    @Test
    void aTwentyEightYearOldIsRefused() {
        fixture.givenNoPriorActivity().when(open(28, "WK059910", OPENED))
                .expectException(refused(Kind.INVALID, "youth.birthDate")).expectNoEvents();
    }

    @Test
    void aWellFormedButUnknownCbsCodeIsRefused() {
        fixture.givenNoPriorActivity().when(open(15, "WK999999", OPENED))
                .expectException(refused(Kind.INVALID, "neighbourhood")).expectNoEvents();
    }

    @Test
    void openingTomorrowIsRefused() {
        fixture.givenNoPriorActivity().when(open(15, "WK059910", TODAY.plusDays(1)))
                .expectException(refused(Kind.INVALID, "openedOn")).expectNoEvents();
    }

    @Test
    void aTrajectoryInPreventionCloses() {
        fixture.given(opened()).when(new CloseTrajectory(ID, TODAY, ClosureReason.GOALS_REACHED, WORKER), WORKER_FA03)
                .expectEvents(new TrajectoryClosed(ID, TODAY, ClosureReason.GOALS_REACHED, WORKER))
                .expectResultMessagePayload(1L);
    }

    @Test
    void closingDuringADetentionIsAConflict() {
        fixture.given(opened(), detentionStarted(DETAINED))
                .when(new CloseTrajectory(ID, TODAY, ClosureReason.OTHER, WORKER), WORKER_FA03)
                .expectException(conflict()).expectNoEvents();
    }

    @Test
    void closingInAftercareIsFine() {
        fixture.given(opened(), detentionStarted(DETAINED),
                new DetentionEnded(ID, date("2026-01-05"), ReleaseReason.SENTENCE_SERVED, WORKER),
                new AftercareStarted(ID, date("2026-01-05"), WORKER))
                .when(new CloseTrajectory(ID, TODAY, ClosureReason.GOALS_REACHED, WORKER), WORKER_FA03)
                .expectEvents(new TrajectoryClosed(ID, TODAY, ClosureReason.GOALS_REACHED, WORKER));
    }

    @Test
    void closingBeforeTheCurrentPhaseBeganIsInvalid() {
        fixture.given(opened(), detentionStarted(DETAINED),
                new DetentionEnded(ID, date("2026-01-05"), ReleaseReason.SENTENCE_SERVED, WORKER),
                new AftercareStarted(ID, date("2026-01-05"), WORKER))
                .when(new CloseTrajectory(ID, date("2025-12-01"), ClosureReason.OTHER, WORKER), WORKER_FA03)
                .expectException(refused(Kind.INVALID, "closedOn")).expectNoEvents();
    }

    @Test
    void aCaseworkerIsAssignedAndReassigned() {
        fixture.given(opened()).when(new AssignCaseworker(ID, "straatcoach-1", TODAY, WORKER), WORKER_FA03)
                .expectEvents(new CaseworkerAssigned(ID, "straatcoach-1", TODAY, WORKER));
        fixture.given(opened(), new CaseworkerAssigned(ID, "straatcoach-1", OPENED, WORKER))
                .when(new AssignCaseworker(ID, "casemanager-2", TODAY, WORKER), WORKER_FA03)
                .expectEvents(new CaseworkerAssigned(ID, "casemanager-2", TODAY, WORKER));
    }

    @Test
    void assigningTheCurrentCaseworkerAgainIsAConflict() {
        fixture.given(opened(), new CaseworkerAssigned(ID, "straatcoach-1", OPENED, WORKER))
                .when(new AssignCaseworker(ID, "straatcoach-1", TODAY, WORKER), WORKER_FA03)
                .expectException(conflict()).expectNoEvents();
    }

    @Test
    void aTrajectoryMovesToAnotherDistrictOfTheArea() {
        fixture.given(opened()).when(new TransferTrajectory(ID, OTHER_WIJK, FA03, TODAY, WORKER), WORKER_FA03)
                .expectEvents(new TrajectoryTransferred(ID, WIJK, OTHER_WIJK, FA03, TODAY, WORKER));
    }

    @Test
    void aTransferToTheCurrentDistrictIsAConflict() {
        fixture.given(opened()).when(new TransferTrajectory(ID, WIJK, FA03, TODAY, WORKER), WORKER_FA03)
                .expectException(conflict()).expectNoEvents();
    }

    @Test
    void anUnknownDistrictIsInvalid() {
        fixture.given(opened()).when(new TransferTrajectory(ID, new nl.koers.events.common.CbsWijkCode("WK999999"), FA03,
                TODAY, WORKER), WORKER_FA03).expectException(refused(Kind.INVALID, "neighbourhood"))
                .expectNoEvents();
    }

    @Test
    void theWorkerNeedsScopeForTheTargetAreaToo() {
        fixture.given(opened()).when(new TransferTrajectory(ID, AMSTERDAM_WIJK, FA01, TODAY, WORKER), WORKER_FA03)
                .expectException(refused(Kind.FORBIDDEN, null)).expectNoEvents();
    }

    @Test
    void aWorkerOfBothAreasTransfersAcrossThem() {
        fixture.given(opened()).when(new TransferTrajectory(ID, AMSTERDAM_WIJK, FA01, TODAY, WORKER),
                        Map.of(CommandMetadata.USER, WORKER, CommandMetadata.AREAS, "FA01,FA03"))
                .expectEvents(new TrajectoryTransferred(ID, WIJK, AMSTERDAM_WIJK, FA01, TODAY, WORKER));
    }

    @Test
    void afterATransferTheOldAreasWorkerHasNoScope() {
        fixture.given(opened(), new TrajectoryTransferred(ID, WIJK, AMSTERDAM_WIJK, FA01, date("2026-01-01"), WORKER))
                .when(new RecordOutcome(ID, OutcomeKind.WORK, TODAY, WORKER), WORKER_FA03)
                .expectException(refused(Kind.FORBIDDEN, null)).expectNoEvents();
    }

    @Test
    void theFocusAreaMustMatchTheDistrict() {
        fixture.given(opened()).when(new TransferTrajectory(ID, OTHER_WIJK, FA01, TODAY, WORKER),
                        Map.of(CommandMetadata.USER, WORKER, CommandMetadata.AREAS, "FA01,FA03"))
                .expectException(refused(Kind.INVALID, "neighbourhood")).expectNoEvents();
    }

    @Test
    void aRiskAssessmentIsRecorded() {
        Map<LifeDomain, RiskLevel> domains = Map.of(LifeDomain.SCHOOL, RiskLevel.HIGH, LifeDomain.PEERS,
                RiskLevel.MEDIUM);
        fixture.given(opened()).when(new RecordRiskAssessment(ID, TODAY, domains, RiskLevel.HIGH, WORKER), WORKER_FA03)
                .expectEvents(new RiskAssessmentRecorded(ID, TODAY, domains, RiskLevel.HIGH, WORKER));
    }

    @Test
    void aRiskAssessmentNeedsAtLeastOneDomain() {
        fixture.given(opened()).when(new RecordRiskAssessment(ID, TODAY, Map.of(), RiskLevel.HIGH, WORKER), WORKER_FA03)
                .expectException(refused(Kind.INVALID, "domains")).expectNoEvents();
    }

    @Test
    void aContactWithASealedNoteIsRecorded() {
        fixture.given(opened()).when(new RecordContact(ID, "HOME_VISIT", TODAY, SEALED, WORKER), WORKER_FA03)
                .expectEvents(contactRecorded(TODAY));
    }

    @Test
    void aContactKindOutsideTheCatalogueIsInvalid() {
        fixture.given(opened()).when(new RecordContact(ID, "PARTY", TODAY, null, WORKER), WORKER_FA03)
                .expectException(refused(Kind.INVALID, "kind")).expectNoEvents();
    }

    @Test
    void aPoliceContactKindComesFromItsOwnCatalogue() {
        fixture.given(opened()).when(new RecordPoliceContact(ID, "HOME_VISIT", TODAY, WORKER), WORKER_FA03)
                .expectException(refused(Kind.INVALID, "kind")).expectNoEvents();
        fixture.given(opened()).when(new RecordPoliceContact(ID, "HALT_REFERRAL", TODAY, WORKER), WORKER_FA03)
                .expectEvents(new PoliceContactRecorded(ID, "HALT_REFERRAL", TODAY, WORKER));
    }

    @Test
    void aBasicConditionIsAssessed() {
        fixture.given(opened()).when(new AssessBasicCondition(ID, BasicCondition.ID, ConditionStatus.PARTLY, TODAY, WORKER),
                        WORKER_FA03)
                .expectEvents(new BasicConditionAssessed(ID, BasicCondition.ID, ConditionStatus.PARTLY, TODAY,
                        WORKER));
    }

    @Test
    void aBasicConditionNeedsAStatus() {
        fixture.given(opened()).when(new AssessBasicCondition(ID, BasicCondition.ID, null, TODAY, WORKER), WORKER_FA03)
                .expectException(refused(Kind.INVALID, "status")).expectNoEvents();
    }

    @Test
    void anOutcomeIsRecorded() {
        fixture.given(opened()).when(new RecordOutcome(ID, OutcomeKind.SCHOOL_ENROLMENT, TODAY, WORKER), WORKER_FA03)
                .expectEvents(new OutcomeRecorded(ID, OutcomeKind.SCHOOL_ENROLMENT, TODAY, WORKER));
    }
}
