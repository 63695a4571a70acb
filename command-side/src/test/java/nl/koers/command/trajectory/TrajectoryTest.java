package nl.koers.command.trajectory;

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
import nl.koers.events.common.CommandRefused;
import nl.koers.events.common.InterventionId;
import nl.koers.events.common.Rejection.Kind;
import nl.koers.events.common.TrajectoryId;
import nl.koers.events.contact.ContactRecorded;
import nl.koers.events.contact.PoliceContactRecorded;
import nl.koers.events.contact.RecordContact;
import nl.koers.events.contact.RecordPoliceContact;
import nl.koers.events.correction.CorrectEntry;
import nl.koers.events.correction.EntryCorrected;
import nl.koers.events.correction.EntryRetracted;
import nl.koers.events.correction.RetractEntry;
import nl.koers.events.detention.DetentionEnded;
import nl.koers.events.detention.DetentionStarted;
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
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static nl.koers.command.Samples.AMSTERDAM_WIJK;
import static nl.koers.command.Samples.CLOCK;
import static nl.koers.command.Samples.FA01;
import static nl.koers.command.Samples.FA03;
import static nl.koers.command.Samples.ID;
import static nl.koers.command.Samples.INTERVENTION;
import static nl.koers.command.Samples.OPENED;
import static nl.koers.command.Samples.OTHER_WIJK;
import static nl.koers.command.Samples.SEALED;
import static nl.koers.command.Samples.SEALED_YOUTH;
import static nl.koers.command.Samples.TODAY;
import static nl.koers.command.Samples.WIJK;
import static nl.koers.command.Samples.WORKER;
import static nl.koers.command.Samples.WORKER_FA03;
import static nl.koers.command.Samples.YOUTH;
import static nl.koers.command.Samples.date;
import static nl.koers.command.Samples.opened;
import static nl.koers.command.Samples.withExpectedVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The trajectory aggregate's rules, each as given (earlier events) / when (a command) / then (events or refusal). */
class TrajectoryTest {
    private static final LocalDate DETAINED = date("2025-11-03");
    private AggregateTestFixture<Trajectory> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Trajectory.class);
        fixture.registerInjectableResource(CLOCK);
    }

    static Matcher<CommandRefused> refused(Kind kind, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRefused e) {
                return e.rejection().kind() == kind && Objects.equals(e.rejection().field(), field);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal " + kind + (field == null ? "" : " of field " + field));
            }
        };
    }

    static Matcher<CommandRefused> conflict() {
        return refused(Kind.CONFLICT, null);
    }

    static DetentionStarted detentionStarted(LocalDate on) {
        return new DetentionStarted(ID, DetentionType.PRE_TRIAL, "JJI Den Hey-Acker", on, WORKER);
    }

    static StartDetention startDetention(LocalDate on) {
        return new StartDetention(ID, DetentionType.PRE_TRIAL, "JJI Den Hey-Acker", on, WORKER);
    }

    static ContactRecorded contactRecorded(LocalDate on) {
        return new ContactRecorded(ID, "HOME_VISIT", on, SEALED, WORKER);
    }

    private TestExecutor<Trajectory> given(Object... events) {
        return fixture.given(events);
    }

    /** Event ids of the given events, in order (what corrections refer to). */
    private List<String> givenIds() {
        return fixture.getEventStore().readEvents(ID.value()).asStream().map(EventMessage::getIdentifier).toList();
    }

    @Nested
    class Opening {
        OpenTrajectory open(int age, String wijk, LocalDate on) {
            return new OpenTrajectory(ID, YOUTH, new nl.koers.events.common.CbsWijkCode(wijk), FA03, on,
                    ReferralSource.POLICE, SEALED, SEALED_YOUTH, age, WORKER);
        }

        @Test
        void aYouthOfFifteenInAKnownDistrictEntersTheProgramme() {
            fixture.givenNoPriorActivity()
                    .when(open(15, "WK059910", OPENED), WORKER_FA03)
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(opened());
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
    }

    @Nested
    class SharedRules {
        @Test
        void aWorkerOutsideTheTrajectorysAreaIsForbidden() {
            given(opened()).when(new RecordOutcome(ID, OutcomeKind.WORK, TODAY, "jeugdwerker-ams"),
                            Map.of(CommandMetadata.USER, "jeugdwerker-ams", CommandMetadata.AREAS, "FA01,FA02"))
                    .expectException(refused(Kind.FORBIDDEN, null)).expectNoEvents();
        }

        @Test
        void aDateInTheFutureIsRefused() {
            given(opened()).when(new RecordContact(ID, "TALK", TODAY.plusDays(1), null, WORKER), WORKER_FA03)
                    .expectException(refused(Kind.INVALID, "contactOn")).expectNoEvents();
        }

        @Test
        void aDateBeforeTheTrajectoryOpenedIsRefused() {
            given(opened()).when(new RecordContact(ID, "TALK", OPENED.minusDays(1), null, WORKER), WORKER_FA03)
                    .expectException(refused(Kind.INVALID, "contactOn")).expectNoEvents();
        }

        @Test
        void theOpeningDayItselfIsFine() {
            given(opened()).when(new RecordContact(ID, "TALK", OPENED, null, WORKER), WORKER_FA03)
                    .expectEvents(new ContactRecorded(ID, "TALK", OPENED, null, WORKER));
        }

        @Test
        void aStaleIfMatchIsAConflict() {
            given(opened(), contactRecorded(OPENED))
                    .when(new RecordContact(ID, "TALK", TODAY, null, WORKER), withExpectedVersion(0))
                    .expectException(conflict()).expectNoEvents();
        }

        @Test
        void aCurrentIfMatchPassesAndTheNewVersionIsAnswered() {
            given(opened(), contactRecorded(OPENED))
                    .when(new RecordContact(ID, "TALK", TODAY, null, WORKER), withExpectedVersion(1))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(2L);
        }

        /** A command type without a known business date would skip the date rules: fail here instead. */
        @Test
        void everyTrajectoryCommandHasItsBusinessDatesDeclared() throws Exception {
            List<Class<?>> commands = new com.tngtech.archunit.core.importer.ClassFileImporter()
                    .importPackages("nl.koers.events").stream()
                    .map(com.tngtech.archunit.core.domain.JavaClass::reflect)
                    .filter(Class::isRecord)
                    .filter(type -> Arrays.stream(type.getRecordComponents()).anyMatch(c ->
                            c.getType() == TrajectoryId.class && type.getDeclaredFields().length > 0
                                    && fieldAnnotated(type, c)))
                    .filter(type -> type != OpenTrajectory.class)
                    .toList();
            assertThat(commands).contains(CloseTrajectory.class, RecordIntervention.class, EndDetention.class,
                    RetractEntry.class);
            for (Class<?> type : commands) {
                Object command = withNulls(type);
                assertThatCode(() -> Admission.datesOf(command)).as(type.getSimpleName()).doesNotThrowAnyException();
            }
        }

        private static boolean fieldAnnotated(Class<?> type, RecordComponent component) {
            try {
                return type.getDeclaredField(component.getName()).isAnnotationPresent(TargetAggregateIdentifier.class);
            } catch (NoSuchFieldException e) {
                return false;
            }
        }

        private static Object withNulls(Class<?> type) throws Exception {
            Class<?>[] types = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(new Object[types.length]);
        }
    }

    @Nested
    class AfterClose {
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
            given(opened(), closed).when(command, WORKER_FA03).expectException(conflict()).expectNoEvents();
        }

        @Test
        void aPoliceContactIsStillRecorded() {
            given(opened(), closed).when(new RecordPoliceContact(ID, "ARREST", TODAY, WORKER), WORKER_FA03)
                    .expectEvents(new PoliceContactRecorded(ID, "ARREST", TODAY, WORKER));
        }

        @Test
        void anOutcomeIsStillRecorded() {
            given(opened(), closed).when(new RecordOutcome(ID, OutcomeKind.WORK, TODAY, WORKER), WORKER_FA03)
                    .expectEvents(new OutcomeRecorded(ID, OutcomeKind.WORK, TODAY, WORKER));
        }

        @Test
        void followUpEndsTwentyFourMonthsAfterTheClose() {
            TrajectoryClosed longAgo = new TrajectoryClosed(ID, date("2023-06-01"), ClosureReason.MOVED, WORKER);
            given(opened(date("2023-01-10")), longAgo)
                    .when(new RecordPoliceContact(ID, "ARREST", date("2025-06-02"), WORKER), WORKER_FA03)
                    .expectException(conflict()).expectNoEvents();
            given(opened(date("2023-01-10")), longAgo)
                    .when(new RecordPoliceContact(ID, "ARREST", date("2025-06-01"), WORKER), WORKER_FA03)
                    .expectEvents(new PoliceContactRecorded(ID, "ARREST", date("2025-06-01"), WORKER));
        }
    }

    @Nested
    class Closing {
        @Test
        void aTrajectoryInPreventionCloses() {
            given(opened()).when(new CloseTrajectory(ID, TODAY, ClosureReason.GOALS_REACHED, WORKER), WORKER_FA03)
                    .expectEvents(new TrajectoryClosed(ID, TODAY, ClosureReason.GOALS_REACHED, WORKER))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void closingDuringADetentionIsAConflict() {
            given(opened(), detentionStarted(DETAINED))
                    .when(new CloseTrajectory(ID, TODAY, ClosureReason.OTHER, WORKER), WORKER_FA03)
                    .expectException(conflict()).expectNoEvents();
        }

        @Test
        void closingInAftercareIsFine() {
            given(opened(), detentionStarted(DETAINED),
                    new DetentionEnded(ID, date("2026-01-05"), ReleaseReason.SENTENCE_SERVED, WORKER),
                    new AftercareStarted(ID, date("2026-01-05"), WORKER))
                    .when(new CloseTrajectory(ID, TODAY, ClosureReason.GOALS_REACHED, WORKER), WORKER_FA03)
                    .expectEvents(new TrajectoryClosed(ID, TODAY, ClosureReason.GOALS_REACHED, WORKER));
        }

        @Test
        void closingBeforeTheCurrentPhaseBeganIsInvalid() {
            given(opened(), detentionStarted(DETAINED),
                    new DetentionEnded(ID, date("2026-01-05"), ReleaseReason.SENTENCE_SERVED, WORKER),
                    new AftercareStarted(ID, date("2026-01-05"), WORKER))
                    .when(new CloseTrajectory(ID, date("2025-12-01"), ClosureReason.OTHER, WORKER), WORKER_FA03)
                    .expectException(refused(Kind.INVALID, "closedOn")).expectNoEvents();
        }
    }

    @Nested
    class Detentions {
        @Test
        void aTrajectoryCanStartInDetentionRightAfterOpening() {
            given(opened()).when(startDetention(OPENED), WORKER_FA03).expectEvents(detentionStarted(OPENED));
        }

        @Test
        void oneDetentionAtATime() {
            given(opened(), detentionStarted(DETAINED)).when(startDetention(TODAY), WORKER_FA03)
                    .expectException(conflict()).expectNoEvents();
        }

        @Test
        void theFacilityIsAJjiNameOfAtMost200Characters() {
            given(opened()).when(new StartDetention(ID, DetentionType.PIJ, "J".repeat(201), DETAINED, WORKER),
                    WORKER_FA03).expectException(refused(Kind.INVALID, "facility")).expectNoEvents();
            given(opened()).when(new StartDetention(ID, DetentionType.PIJ, " ", DETAINED, WORKER), WORKER_FA03)
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
            given(opened()).when(step, WORKER_FA03).expectException(conflict()).expectNoEvents();
        }

        @ParameterizedTest
        @MethodSource("detentionSteps")
        void detentionStepsAreRecordedDuringADetention(Object step) {
            given(opened(), detentionStarted(DETAINED)).when(step, WORKER_FA03).expectSuccessfulHandlerExecution();
        }

        @Test
        void theNetworkMeetingIsHeldOnce() {
            given(opened(), detentionStarted(DETAINED), new NetworkMeetingHeld(ID, date("2025-11-07"), WORKER))
                    .when(new RecordNetworkMeeting(ID, TODAY, WORKER), WORKER_FA03)
                    .expectException(conflict()).expectNoEvents();
        }

        @Test
        void aStepBeforeTheDetentionStartedIsInvalid() {
            given(opened(), detentionStarted(DETAINED))
                    .when(new RecordNetworkMeeting(ID, DETAINED.minusDays(1), WORKER), WORKER_FA03)
                    .expectException(refused(Kind.INVALID, "heldOn")).expectNoEvents();
        }

        @Test
        void theStpStartsOnce() {
            given(opened(), detentionStarted(DETAINED), new StpStarted(ID, date("2026-02-01"), WORKER))
                    .when(new StartStp(ID, TODAY, WORKER), WORKER_FA03)
                    .expectException(conflict()).expectNoEvents();
        }

        @Test
        void endingStartsAftercareTheSameDay() {
            given(opened(), detentionStarted(DETAINED),
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
            given(opened(), detentionStarted(DETAINED))
                    .when(new EndDetention(ID, DETAINED.minusDays(2), ReleaseReason.OTHER, WORKER), WORKER_FA03)
                    .expectException(refused(Kind.INVALID, "endedOn")).expectNoEvents();
        }

        @Test
        void aDetentionEndsOnItsFirstDayAtTheEarliest() {
            given(opened(), detentionStarted(DETAINED))
                    .when(new EndDetention(ID, DETAINED, ReleaseReason.RELEASED_BY_COURT, WORKER), WORKER_FA03)
                    .expectEvents(new DetentionEnded(ID, DETAINED, ReleaseReason.RELEASED_BY_COURT, WORKER),
                            new AftercareStarted(ID, DETAINED, WORKER));
        }

        @Test
        void aDetentionCannotEndBeforeItsLastRecordedStep() {
            given(opened(), detentionStarted(DETAINED), new StpStarted(ID, date("2026-02-01"), WORKER))
                    .when(new EndDetention(ID, date("2026-01-20"), ReleaseReason.OTHER, WORKER), WORKER_FA03)
                    .expectException(refused(Kind.INVALID, "endedOn")).expectNoEvents();
        }

        @Test
        void aYouthReEntersDetentionFromAftercare() {
            given(opened(), detentionStarted(DETAINED),
                    new DetentionEnded(ID, date("2025-12-20"), ReleaseReason.SUSPENDED, WORKER),
                    new AftercareStarted(ID, date("2025-12-20"), WORKER))
                    .when(startDetention(date("2026-02-14")), WORKER_FA03)
                    .expectEvents(detentionStarted(date("2026-02-14")));
        }

        @Test
        void reEntryCannotPrecedeTheEndOfThePreviousDetention() {
            given(opened(), detentionStarted(DETAINED),
                    new DetentionEnded(ID, date("2025-12-20"), ReleaseReason.SUSPENDED, WORKER),
                    new AftercareStarted(ID, date("2025-12-20"), WORKER))
                    .when(startDetention(date("2025-12-01")), WORKER_FA03)
                    .expectException(refused(Kind.INVALID, "startedOn")).expectNoEvents();
        }

        @Test
        void afterTheEndNoDetentionStepsUntilTheNextDetention() {
            given(opened(), detentionStarted(DETAINED),
                    new DetentionEnded(ID, date("2025-12-20"), ReleaseReason.SUSPENDED, WORKER),
                    new AftercareStarted(ID, date("2025-12-20"), WORKER))
                    .when(new RecordTrajectoryMeeting(ID, TODAY, WORKER), WORKER_FA03)
                    .expectException(conflict()).expectNoEvents();
        }
    }

    @Nested
    class Interventions {
        final InterventionStarted started = new InterventionStarted(ID, INTERVENTION, "STREET_COACHING",
                date("2025-10-01"), null, WORKER);

        @Test
        void anInterventionFromTheCatalogueIsPlanned() {
            given(opened()).when(new PlanIntervention(ID, INTERVENTION, "HALT_AFDOENING", TODAY, WORKER), WORKER_FA03)
                    .expectEvents(new InterventionPlanned(ID, INTERVENTION, "HALT_AFDOENING", TODAY, WORKER));
        }

        @Test
        void aTypeOutsideTheCatalogueIsInvalid() {
            given(opened()).when(new PlanIntervention(ID, INTERVENTION, "BOOT_CAMP", TODAY, WORKER), WORKER_FA03)
                    .expectException(refused(Kind.INVALID, "type")).expectNoEvents();
        }

        @Test
        void aPlannedInterventionStartsWithItsPlannedType() {
            given(opened(), new InterventionPlanned(ID, INTERVENTION, "DEBT_HELP", date("2025-10-01"), WORKER))
                    .when(new StartIntervention(ID, INTERVENTION, null, TODAY, SEALED, WORKER), WORKER_FA03)
                    .expectEvents(new InterventionStarted(ID, INTERVENTION, "DEBT_HELP", TODAY, SEALED, WORKER));
        }

        @Test
        void startingAPlannedInterventionAsAnotherTypeIsInvalid() {
            given(opened(), new InterventionPlanned(ID, INTERVENTION, "DEBT_HELP", date("2025-10-01"), WORKER))
                    .when(new StartIntervention(ID, INTERVENTION, "WORK_TRAJECTORY", TODAY, null, WORKER), WORKER_FA03)
                    .expectException(refused(Kind.INVALID, "type")).expectNoEvents();
        }

        @Test
        void startingAnUnknownInterventionWithoutATypeIsNotFound() {
            given(opened()).when(new StartIntervention(ID, INTERVENTION, null, TODAY, null, WORKER), WORKER_FA03)
                    .expectException(refused(Kind.NOT_FOUND, null)).expectNoEvents();
        }

        @Test
        void anInterventionStartsOnce() {
            given(opened(), started)
                    .when(new StartIntervention(ID, INTERVENTION, null, TODAY, null, WORKER), WORKER_FA03)
                    .expectException(conflict()).expectNoEvents();
        }

        @Test
        void recordingWithAnEndDateStartsAndCompletesTogether() {
            given(opened()).when(new RecordIntervention(ID, INTERVENTION, "HALT_AFDOENING", date("2026-01-05"),
                            date("2026-02-02"), SEALED, WORKER), WORKER_FA03)
                    .expectEvents(new InterventionStarted(ID, INTERVENTION, "HALT_AFDOENING", date("2026-01-05"),
                                    SEALED, WORKER),
                            new InterventionCompleted(ID, INTERVENTION, date("2026-02-02"), WORKER))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void anEndBeforeTheStartIsInvalid() {
            given(opened()).when(new RecordIntervention(ID, INTERVENTION, "HALT_AFDOENING", date("2026-01-05"),
                            date("2026-01-04"), null, WORKER), WORKER_FA03)
                    .expectException(refused(Kind.INVALID, "endedOn")).expectNoEvents();
        }

        @Test
        void aStartedInterventionCompletes() {
            given(opened(), started).when(new CompleteIntervention(ID, INTERVENTION, TODAY, WORKER), WORKER_FA03)
                    .expectEvents(new InterventionCompleted(ID, INTERVENTION, TODAY, WORKER));
        }

        @Test
        void anInterventionCompletesOnce() {
            given(opened(), started, new InterventionCompleted(ID, INTERVENTION, date("2026-01-01"), WORKER))
                    .when(new CompleteIntervention(ID, INTERVENTION, TODAY, WORKER), WORKER_FA03)
                    .expectException(conflict()).expectNoEvents();
        }

        @Test
        void aStoppedInterventionCannotComplete() {
            given(opened(), started,
                    new InterventionStopped(ID, INTERVENTION, date("2026-01-01"), StopReason.NO_SHOW, WORKER))
                    .when(new CompleteIntervention(ID, INTERVENTION, TODAY, WORKER), WORKER_FA03)
                    .expectException(conflict()).expectNoEvents();
        }

        @Test
        void anUnknownInterventionCannotComplete() {
            given(opened(), started)
                    .when(new CompleteIntervention(ID, InterventionId.newId(), TODAY, WORKER), WORKER_FA03)
                    .expectException(refused(Kind.NOT_FOUND, null)).expectNoEvents();
        }

        @Test
        void aPlannedInterventionCannotCompleteBeforeItStarts() {
            given(opened(), new InterventionPlanned(ID, INTERVENTION, "DEBT_HELP", date("2025-10-01"), WORKER))
                    .when(new CompleteIntervention(ID, INTERVENTION, TODAY, WORKER), WORKER_FA03)
                    .expectException(conflict()).expectNoEvents();
        }

        @Test
        void completionBeforeTheStartIsInvalid() {
            given(opened(), started).when(new CompleteIntervention(ID, INTERVENTION, date("2025-09-30"), WORKER),
                    WORKER_FA03).expectException(refused(Kind.INVALID, "completedOn")).expectNoEvents();
        }

        @Test
        void aStartedInterventionStops() {
            given(opened(), started)
                    .when(new StopIntervention(ID, INTERVENTION, TODAY, StopReason.REFUSED, WORKER), WORKER_FA03)
                    .expectEvents(new InterventionStopped(ID, INTERVENTION, TODAY, StopReason.REFUSED, WORKER));
        }

        @Test
        void aCompletedInterventionCannotStop() {
            given(opened(), started, new InterventionCompleted(ID, INTERVENTION, date("2026-01-01"), WORKER))
                    .when(new StopIntervention(ID, INTERVENTION, TODAY, StopReason.REFUSED, WORKER), WORKER_FA03)
                    .expectException(conflict()).expectNoEvents();
        }
    }

    @Nested
    class CaseworkerAndTransfer {
        @Test
        void aCaseworkerIsAssignedAndReassigned() {
            given(opened()).when(new AssignCaseworker(ID, "straatcoach-1", TODAY, WORKER), WORKER_FA03)
                    .expectEvents(new CaseworkerAssigned(ID, "straatcoach-1", TODAY, WORKER));
            given(opened(), new CaseworkerAssigned(ID, "straatcoach-1", OPENED, WORKER))
                    .when(new AssignCaseworker(ID, "casemanager-2", TODAY, WORKER), WORKER_FA03)
                    .expectEvents(new CaseworkerAssigned(ID, "casemanager-2", TODAY, WORKER));
        }

        @Test
        void assigningTheCurrentCaseworkerAgainIsAConflict() {
            given(opened(), new CaseworkerAssigned(ID, "straatcoach-1", OPENED, WORKER))
                    .when(new AssignCaseworker(ID, "straatcoach-1", TODAY, WORKER), WORKER_FA03)
                    .expectException(conflict()).expectNoEvents();
        }

        @Test
        void aTrajectoryMovesToAnotherDistrictOfTheArea() {
            given(opened()).when(new TransferTrajectory(ID, OTHER_WIJK, FA03, TODAY, WORKER), WORKER_FA03)
                    .expectEvents(new TrajectoryTransferred(ID, WIJK, OTHER_WIJK, FA03, TODAY, WORKER));
        }

        @Test
        void aTransferToTheCurrentDistrictIsAConflict() {
            given(opened()).when(new TransferTrajectory(ID, WIJK, FA03, TODAY, WORKER), WORKER_FA03)
                    .expectException(conflict()).expectNoEvents();
        }

        @Test
        void anUnknownDistrictIsInvalid() {
            given(opened()).when(new TransferTrajectory(ID, new nl.koers.events.common.CbsWijkCode("WK999999"), FA03,
                    TODAY, WORKER), WORKER_FA03).expectException(refused(Kind.INVALID, "neighbourhood"))
                    .expectNoEvents();
        }

        @Test
        void theWorkerNeedsScopeForTheTargetAreaToo() {
            given(opened()).when(new TransferTrajectory(ID, AMSTERDAM_WIJK, FA01, TODAY, WORKER), WORKER_FA03)
                    .expectException(refused(Kind.FORBIDDEN, null)).expectNoEvents();
        }

        @Test
        void aWorkerOfBothAreasTransfersAcrossThem() {
            given(opened()).when(new TransferTrajectory(ID, AMSTERDAM_WIJK, FA01, TODAY, WORKER),
                            Map.of(CommandMetadata.USER, WORKER, CommandMetadata.AREAS, "FA01,FA03"))
                    .expectEvents(new TrajectoryTransferred(ID, WIJK, AMSTERDAM_WIJK, FA01, TODAY, WORKER));
        }

        @Test
        void afterATransferTheOldAreasWorkerHasNoScope() {
            given(opened(), new TrajectoryTransferred(ID, WIJK, AMSTERDAM_WIJK, FA01, date("2026-01-01"), WORKER))
                    .when(new RecordOutcome(ID, OutcomeKind.WORK, TODAY, WORKER), WORKER_FA03)
                    .expectException(refused(Kind.FORBIDDEN, null)).expectNoEvents();
        }

        @Test
        void theFocusAreaMustMatchTheDistrict() {
            given(opened()).when(new TransferTrajectory(ID, OTHER_WIJK, FA01, TODAY, WORKER),
                            Map.of(CommandMetadata.USER, WORKER, CommandMetadata.AREAS, "FA01,FA03"))
                    .expectException(refused(Kind.INVALID, "neighbourhood")).expectNoEvents();
        }
    }

    @Nested
    class Facts {
        @Test
        void aRiskAssessmentIsRecorded() {
            Map<LifeDomain, RiskLevel> domains = Map.of(LifeDomain.SCHOOL, RiskLevel.HIGH, LifeDomain.PEERS,
                    RiskLevel.MEDIUM);
            given(opened()).when(new RecordRiskAssessment(ID, TODAY, domains, RiskLevel.HIGH, WORKER), WORKER_FA03)
                    .expectEvents(new RiskAssessmentRecorded(ID, TODAY, domains, RiskLevel.HIGH, WORKER));
        }

        @Test
        void aRiskAssessmentNeedsAtLeastOneDomain() {
            given(opened()).when(new RecordRiskAssessment(ID, TODAY, Map.of(), RiskLevel.HIGH, WORKER), WORKER_FA03)
                    .expectException(refused(Kind.INVALID, "domains")).expectNoEvents();
        }

        @Test
        void aContactWithASealedNoteIsRecorded() {
            given(opened()).when(new RecordContact(ID, "HOME_VISIT", TODAY, SEALED, WORKER), WORKER_FA03)
                    .expectEvents(contactRecorded(TODAY));
        }

        @Test
        void aContactKindOutsideTheCatalogueIsInvalid() {
            given(opened()).when(new RecordContact(ID, "PARTY", TODAY, null, WORKER), WORKER_FA03)
                    .expectException(refused(Kind.INVALID, "kind")).expectNoEvents();
        }

        @Test
        void aPoliceContactKindComesFromItsOwnCatalogue() {
            given(opened()).when(new RecordPoliceContact(ID, "HOME_VISIT", TODAY, WORKER), WORKER_FA03)
                    .expectException(refused(Kind.INVALID, "kind")).expectNoEvents();
            given(opened()).when(new RecordPoliceContact(ID, "HALT_REFERRAL", TODAY, WORKER), WORKER_FA03)
                    .expectEvents(new PoliceContactRecorded(ID, "HALT_REFERRAL", TODAY, WORKER));
        }

        @Test
        void aBasicConditionIsAssessed() {
            given(opened()).when(new AssessBasicCondition(ID, BasicCondition.ID, ConditionStatus.PARTLY, TODAY, WORKER),
                            WORKER_FA03)
                    .expectEvents(new BasicConditionAssessed(ID, BasicCondition.ID, ConditionStatus.PARTLY, TODAY,
                            WORKER));
        }

        @Test
        void aBasicConditionNeedsAStatus() {
            given(opened()).when(new AssessBasicCondition(ID, BasicCondition.ID, null, TODAY, WORKER), WORKER_FA03)
                    .expectException(refused(Kind.INVALID, "status")).expectNoEvents();
        }

        @Test
        void anOutcomeIsRecorded() {
            given(opened()).when(new RecordOutcome(ID, OutcomeKind.SCHOOL_ENROLMENT, TODAY, WORKER), WORKER_FA03)
                    .expectEvents(new OutcomeRecorded(ID, OutcomeKind.SCHOOL_ENROLMENT, TODAY, WORKER));
        }
    }

    @Nested
    class Corrections {
        @Test
        void anEarlierEntryIsCorrectedByReference() {
            TestExecutor<Trajectory> executor = given(opened(), contactRecorded(date("2026-01-10")));
            String contact = givenIds().get(1);
            executor.when(new CorrectEntry(ID, contact, TODAY, date("2026-01-09"), SEALED, WORKER), WORKER_FA03)
                    .expectEvents(new EntryCorrected(ID, contact, TODAY, date("2026-01-09"), SEALED, WORKER));
        }

        @Test
        void anUnknownEventIdIsInvalid() {
            given(opened(), contactRecorded(date("2026-01-10")))
                    .when(new CorrectEntry(ID, "not-an-entry-here", TODAY, null, SEALED, WORKER), WORKER_FA03)
                    .expectException(refused(Kind.INVALID, "eventId")).expectNoEvents();
        }

        @Test
        void aCorrectedDateCannotLieBeforeTheOpening() {
            TestExecutor<Trajectory> executor = given(opened(), contactRecorded(date("2026-01-10")));
            String contact = givenIds().get(1);
            executor.when(new CorrectEntry(ID, contact, TODAY, OPENED.minusDays(1), SEALED, WORKER), WORKER_FA03)
                    .expectException(refused(Kind.INVALID, "newOccurredOn")).expectNoEvents();
        }

        @Test
        void aFactIsRetractedOnce() {
            TestExecutor<Trajectory> executor = given(opened(), contactRecorded(date("2026-01-10")));
            String contact = givenIds().get(1);
            executor.when(new RetractEntry(ID, contact, TODAY, SEALED, WORKER), WORKER_FA03)
                    .expectEvents(new EntryRetracted(ID, contact, TODAY, SEALED, WORKER));

            TestExecutor<Trajectory> again = given(opened(), contactRecorded(date("2026-01-10")));
            String same = givenIds().get(1);
            again.andGiven(new EntryRetracted(ID, same, TODAY, SEALED, WORKER))
                    .when(new RetractEntry(ID, same, TODAY, SEALED, WORKER), WORKER_FA03)
                    .expectException(conflict()).expectNoEvents();
        }

        @Test
        void aRetractedEntryCannotBeCorrected() {
            TestExecutor<Trajectory> executor = given(opened(), contactRecorded(date("2026-01-10")));
            String contact = givenIds().get(1);
            executor.andGiven(new EntryRetracted(ID, contact, TODAY, SEALED, WORKER))
                    .when(new CorrectEntry(ID, contact, TODAY, null, SEALED, WORKER), WORKER_FA03)
                    .expectException(conflict()).expectNoEvents();
        }

        @Test
        void aStepThatMovedTheTrajectoryOnIsCorrectedNotRetracted() {
            TestExecutor<Trajectory> executor = given(opened(), detentionStarted(DETAINED));
            String detention = givenIds().get(1);
            executor.when(new RetractEntry(ID, detention, TODAY, SEALED, WORKER), WORKER_FA03)
                    .expectException(conflict()).expectNoEvents();
        }

        @Test
        void aCorrectionRefersToTheOriginalNotToAnotherCorrection() {
            TestExecutor<Trajectory> executor = given(opened(), contactRecorded(date("2026-01-10")));
            String contact = givenIds().get(1);
            executor.andGiven(new EntryCorrected(ID, contact, TODAY, null, SEALED, WORKER));
            String correction = givenIds().get(2);
            executor.when(new RetractEntry(ID, correction, TODAY, SEALED, WORKER), WORKER_FA03)
                    .expectException(refused(Kind.INVALID, "eventId")).expectNoEvents();
        }

        @Test
        void anExplanationIsRequired() {
            TestExecutor<Trajectory> executor = given(opened(), contactRecorded(date("2026-01-10")));
            String contact = givenIds().get(1);
            executor.when(new RetractEntry(ID, contact, TODAY, null, WORKER), WORKER_FA03)
                    .expectException(refused(Kind.INVALID, "explanation")).expectNoEvents();
        }
    }
}
