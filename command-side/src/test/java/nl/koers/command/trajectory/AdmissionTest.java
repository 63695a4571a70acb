package nl.koers.command.trajectory;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import nl.koers.command.TrajectoryFixtures;
import nl.koers.command.common.CommandMetadata;
import nl.koers.events.aftercare.AssessBasicCondition;
import nl.koers.events.aftercare.BasicCondition;
import nl.koers.events.aftercare.ConditionStatus;
import nl.koers.events.assessment.LifeDomain;
import nl.koers.events.assessment.RecordRiskAssessment;
import nl.koers.events.assessment.RiskLevel;
import nl.koers.events.common.DatedCommand;
import nl.koers.events.common.Rejection.Kind;
import nl.koers.events.contact.ContactRecorded;
import nl.koers.events.contact.PoliceContactRecorded;
import nl.koers.events.contact.RecordContact;
import nl.koers.events.contact.RecordPoliceContact;
import nl.koers.events.correction.CorrectEntry;
import nl.koers.events.correction.RetractEntry;
import nl.koers.events.detention.EndDetention;
import nl.koers.events.detention.RecordNetworkMeeting;
import nl.koers.events.detention.RecordTrajectoryMeeting;
import nl.koers.events.detention.ReleaseReason;
import nl.koers.events.detention.SetPerspectiefplan;
import nl.koers.events.detention.StartStp;
import nl.koers.events.intervention.CompleteIntervention;
import nl.koers.events.intervention.PlanIntervention;
import nl.koers.events.intervention.RecordIntervention;
import nl.koers.events.intervention.StartIntervention;
import nl.koers.events.intervention.StopIntervention;
import nl.koers.events.intervention.StopReason;
import nl.koers.events.outcome.OutcomeKind;
import nl.koers.events.outcome.OutcomeRecorded;
import nl.koers.events.outcome.RecordOutcome;
import nl.koers.events.trajectory.AssignCaseworker;
import nl.koers.events.trajectory.CloseTrajectory;
import nl.koers.events.trajectory.ClosureReason;
import nl.koers.events.trajectory.OpenTrajectory;
import nl.koers.events.trajectory.TrajectoryClosed;
import nl.koers.events.trajectory.TransferTrajectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static nl.koers.command.Samples.CLOCK;
import static nl.koers.command.Samples.FA03;
import static nl.koers.command.Samples.ID;
import static nl.koers.command.Samples.INTERVENTION;
import static nl.koers.command.Samples.OPENED;
import static nl.koers.command.Samples.OTHER_WIJK;
import static nl.koers.command.Samples.SEALED;
import static nl.koers.command.Samples.TODAY;
import static nl.koers.command.Samples.WORKER;
import static nl.koers.command.Samples.WORKER_FA03;
import static nl.koers.command.Samples.contactRecorded;
import static nl.koers.command.Samples.date;
import static nl.koers.command.Samples.opened;
import static nl.koers.command.Samples.startDetention;
import static nl.koers.command.Samples.withExpectedVersion;
import static nl.koers.command.TrajectoryFixtures.conflict;
import static nl.koers.command.TrajectoryFixtures.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every command on a trajectory must pass before its own handler runs (the root's interceptor and
 * {@link Admission}): the worker's area, the business dates, If-Match, and after close only follow-up.
 */
class AdmissionTest {
    private final AggregateTestFixture<Trajectory> fixture = TrajectoryFixtures.fixture();

    @Test
    void aWorkerOutsideTheTrajectorysAreaIsForbidden() {
        fixture.given(opened()).when(new RecordOutcome(ID, OutcomeKind.WORK, TODAY, "jeugdwerker-ams"),
                        Map.of(CommandMetadata.USER, "jeugdwerker-ams", CommandMetadata.AREAS, "FA01,FA02"))
                .expectException(refused(Kind.FORBIDDEN, null)).expectNoEvents();
    }

    @Test
    void aDateInTheFutureIsRefused() {
        fixture.given(opened()).when(new RecordContact(ID, "TALK", TODAY.plusDays(1), null, WORKER), WORKER_FA03)
                .expectException(refused(Kind.INVALID, "contactOn")).expectNoEvents();
    }

    @Test
    void aDateBeforeTheTrajectoryOpenedIsRefused() {
        fixture.given(opened()).when(new RecordContact(ID, "TALK", OPENED.minusDays(1), null, WORKER), WORKER_FA03)
                .expectException(refused(Kind.INVALID, "contactOn")).expectNoEvents();
    }

    @Test
    void theOpeningDayItselfIsFine() {
        fixture.given(opened()).when(new RecordContact(ID, "TALK", OPENED, null, WORKER), WORKER_FA03)
                .expectEvents(new ContactRecorded(ID, "TALK", OPENED, null, WORKER));
    }

    @Test
    void aStaleIfMatchIsAConflict() {
        fixture.given(opened(), contactRecorded(OPENED))
                .when(new RecordContact(ID, "TALK", TODAY, null, WORKER), withExpectedVersion(0))
                .expectException(conflict()).expectNoEvents();
    }

    @Test
    void aCurrentIfMatchPassesAndTheNewVersionIsAnswered() {
        fixture.given(opened(), contactRecorded(OPENED))
                .when(new RecordContact(ID, "TALK", TODAY, null, WORKER), withExpectedVersion(1))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(2L);
    }

    /** One command of every type on an existing trajectory, its business dates all on {@code day}. */
    static Stream<DatedCommand> everyCommandOn(LocalDate day) {
        return Stream.of(
                new CloseTrajectory(ID, day, ClosureReason.OTHER, WORKER),
                new AssignCaseworker(ID, "straatcoach-1", day, WORKER),
                new TransferTrajectory(ID, OTHER_WIJK, FA03, day, WORKER),
                new RecordRiskAssessment(ID, day, Map.of(LifeDomain.SCHOOL, RiskLevel.LOW), RiskLevel.LOW, WORKER),
                new RecordContact(ID, "TALK", day, null, WORKER),
                new RecordPoliceContact(ID, "ARREST", day, WORKER),
                new AssessBasicCondition(ID, BasicCondition.ID, ConditionStatus.MET, day, WORKER),
                new RecordOutcome(ID, OutcomeKind.WORK, day, WORKER),
                new PlanIntervention(ID, INTERVENTION, "DEBT_HELP", day, WORKER),
                new StartIntervention(ID, INTERVENTION, "DEBT_HELP", day, null, WORKER),
                new RecordIntervention(ID, INTERVENTION, "DEBT_HELP", day, day, null, WORKER),
                new CompleteIntervention(ID, INTERVENTION, day, WORKER),
                new StopIntervention(ID, INTERVENTION, day, StopReason.REFUSED, WORKER),
                startDetention(day),
                new RecordNetworkMeeting(ID, day, WORKER),
                new SetPerspectiefplan(ID, day, SEALED, WORKER),
                new RecordTrajectoryMeeting(ID, day, WORKER),
                new StartStp(ID, day, WORKER),
                new EndDetention(ID, day, ReleaseReason.OTHER, WORKER),
                new CorrectEntry(ID, "an-entry", day, day, SEALED, WORKER),
                new RetractEntry(ID, "an-entry", day, SEALED, WORKER));
    }

    static Stream<DatedCommand> tomorrow() {
        return everyCommandOn(TODAY.plusDays(1));
    }

    static Stream<DatedCommand> beforeOpening() {
        return everyCommandOn(OPENED.minusDays(1));
    }

    @ParameterizedTest
    @MethodSource("tomorrow")
    void everyCommandIsRefusedWithADateInTheFuture(DatedCommand command) {
        fixture.given(opened()).when(command, WORKER_FA03)
                .expectException(refused(Kind.INVALID, command.businessDates().get(0).field())).expectNoEvents();
    }

    @ParameterizedTest
    @MethodSource("beforeOpening")
    void everyCommandIsRefusedWithADateBeforeTheOpening(DatedCommand command) {
        fixture.given(opened()).when(command, WORKER_FA03)
                .expectException(refused(Kind.INVALID, command.businessDates().get(0).field())).expectNoEvents();
    }

    /** The two tests above cover every command a trajectory handles: a new one must be added to them. */
    @Test
    void everyCommandOnATrajectoryIsUnderTest() {
        Set<Class<?>> commands = new ClassFileImporter().importPackages("nl.koers.events").stream()
                .filter(type -> type.isAssignableTo(DatedCommand.class) && !type.isInterface())
                .map(JavaClass::reflect)
                .filter(type -> type != OpenTrajectory.class)
                .collect(Collectors.toSet());
        assertThat(everyCommandOn(TODAY).map(Object::getClass).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(commands);
    }

    /** Loudly, instead of skipping the date rules. */
    @Test
    void aCommandThatStatesNoBusinessDatesIsNotAccepted() {
        assertThatThrownBy(() -> Admission.checkDates(new Object(), OPENED, CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
    }

    final TrajectoryClosed closed = new TrajectoryClosed(ID, date("2026-01-10"), ClosureReason.GOALS_REACHED,
            WORKER);

    static Stream<Object> notFollowUp() {
        return Stream.of(
                new RecordContact(ID, "TALK", TODAY, null, WORKER),
                new AssignCaseworker(ID, "straatcoach-1", TODAY, WORKER),
                new TransferTrajectory(ID, OTHER_WIJK, FA03, TODAY, WORKER),
                new RecordRiskAssessment(ID, TODAY, Map.of(LifeDomain.SCHOOL, RiskLevel.LOW), RiskLevel.LOW, WORKER),
                new PlanIntervention(ID, INTERVENTION, "DEBT_HELP", TODAY, WORKER),
                new RecordIntervention(ID, INTERVENTION, "DEBT_HELP", TODAY, null, null, WORKER),
                startDetention(TODAY),
                new AssessBasicCondition(ID, BasicCondition.HOUSING, ConditionStatus.MET, TODAY, WORKER),
                new CloseTrajectory(ID, TODAY, ClosureReason.OTHER, WORKER));
    }

    @ParameterizedTest
    @MethodSource("notFollowUp")
    void everythingButFollowUpIsAConflict(Object command) {
        fixture.given(opened(), closed).when(command, WORKER_FA03).expectException(conflict()).expectNoEvents();
    }

    @Test
    void aPoliceContactIsStillRecorded() {
        fixture.given(opened(), closed).when(new RecordPoliceContact(ID, "ARREST", TODAY, WORKER), WORKER_FA03)
                .expectEvents(new PoliceContactRecorded(ID, "ARREST", TODAY, WORKER));
    }

    @Test
    void anOutcomeIsStillRecorded() {
        fixture.given(opened(), closed).when(new RecordOutcome(ID, OutcomeKind.WORK, TODAY, WORKER), WORKER_FA03)
                .expectEvents(new OutcomeRecorded(ID, OutcomeKind.WORK, TODAY, WORKER));
    }

    @Test
    void followUpEndsTwentyFourMonthsAfterTheClose() {
        TrajectoryClosed longAgo = new TrajectoryClosed(ID, date("2023-06-01"), ClosureReason.MOVED, WORKER);
        fixture.given(opened(date("2023-01-10")), longAgo)
                .when(new RecordPoliceContact(ID, "ARREST", date("2025-06-02"), WORKER), WORKER_FA03)
                .expectException(conflict()).expectNoEvents();
        fixture.given(opened(date("2023-01-10")), longAgo)
                .when(new RecordPoliceContact(ID, "ARREST", date("2025-06-01"), WORKER), WORKER_FA03)
                .expectEvents(new PoliceContactRecorded(ID, "ARREST", date("2025-06-01"), WORKER));
    }
}
