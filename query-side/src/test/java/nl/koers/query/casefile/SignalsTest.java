package nl.koers.query.casefile;

import nl.koers.events.aftercare.BasicCondition;
import nl.koers.events.aftercare.ConditionStatus;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What needs action follows from dates and the day it is read, not from events. */
class SignalsTest {
    private static final LocalDate START = LocalDate.of(2026, 6, 1);

    private static WorkFacts open(String phase, LocalDate lastContact, LocalDate awaitingMeeting,
                                  Map<String, WorkFacts.Planned> planned, LocalDate releasedOn, boolean stp,
                                  Map<BasicCondition, AtAGlance.Condition> conditions) {
        return new WorkFacts("FA03", phase, START.minusDays(100), null, "jeugdwerker", lastContact, awaitingMeeting,
                planned, releasedOn, stp, conditions);
    }

    private static List<Signal.Kind> kinds(WorkFacts facts, LocalDate today) {
        return Signals.of(facts, today).stream().map(Signal::kind).toList();
    }

    @Test
    void aNetworkMeetingIsDueForSevenDaysAndOverdueFromTheEighth() {
        WorkFacts detained = open("DETENTION", START, START, Map.of(), null, false, Map.of());
        assertThat(Signals.of(detained, START.plusDays(7))).containsExactly(
                new Signal(Signal.Kind.NETWORK_MEETING_DUE, START.plusDays(7), null));
        assertThat(Signals.of(detained, START.plusDays(8))).containsExactly(
                new Signal(Signal.Kind.NETWORK_MEETING_OVERDUE, START.plusDays(7), null));
    }

    @Test
    void noContactForMoreThanThirtyDays() {
        WorkFacts quiet = open("PREVENTION", START, null, Map.of(), null, false, Map.of());
        assertThat(kinds(quiet, START.plusDays(30))).isEmpty();
        assertThat(Signals.of(quiet, START.plusDays(31))).containsExactly(
                new Signal(Signal.Kind.NO_CONTACT_30_DAYS, START.plusDays(30), null));
    }

    @Test
    void aPlannedInterventionThatDidNotStartOnItsDay() {
        WorkFacts planned = open("PREVENTION", START, null, Map.of("i-1", new WorkFacts.Planned("DEBT_HELP",
                START.plusDays(5))), null, false, Map.of());
        assertThat(kinds(planned, START.plusDays(5))).isEmpty();
        assertThat(Signals.of(planned, START.plusDays(6))).containsExactly(
                new Signal(Signal.Kind.INTERVENTION_NOT_STARTED, START.plusDays(5), "i-1"));
    }

    @Test
    void aftercareWithoutStpOrWithABasicConditionNotMet() {
        LocalDate released = START.plusDays(10);
        Map<BasicCondition, AtAGlance.Condition> housingNotMet = Map.of(BasicCondition.HOUSING,
                new AtAGlance.Condition(ConditionStatus.NOT_MET, released.minusDays(2)));
        WorkFacts facts = open("AFTERCARE", released, null, Map.of(), released, false, housingNotMet);
        assertThat(Signals.of(facts, released.plusDays(3))).containsExactly(
                new Signal(Signal.Kind.STP_NOT_STARTED, released, null),
                new Signal(Signal.Kind.BASIC_CONDITION_NOT_MET, released, "HOUSING"));

        Map<BasicCondition, AtAGlance.Condition> daytimeArranged = Map.of(BasicCondition.DAYTIME_ACTIVITY,
                new AtAGlance.Condition(ConditionStatus.PARTLY, released.plusDays(2)));
        assertThat(kinds(open("AFTERCARE", released, null, Map.of(), released, false, daytimeArranged),
                released.plusDays(3))).as("daytime activity arranged after release").isEmpty();
        assertThat(kinds(open("AFTERCARE", released, null, Map.of(), released, true, Map.of()),
                released.plusDays(3))).as("the STP started before release").isEmpty();
    }

    @Test
    void theEndOfFollowUpIsSignalledInItsLastThirtyDays() {
        LocalDate closed = LocalDate.of(2024, 7, 1);
        WorkFacts facts = new WorkFacts("FA03", "CLOSED", closed.minusDays(300), closed, "jeugdwerker", null, null,
                Map.of(), null, false, Map.of());
        LocalDate end = LocalDate.of(2026, 7, 1);
        assertThat(kinds(facts, end.minusDays(31))).isEmpty();
        assertThat(Signals.of(facts, end.minusDays(30))).containsExactly(
                new Signal(Signal.Kind.FOLLOW_UP_ENDING, end, null));
        assertThat(kinds(facts, end.plusDays(1))).isEmpty();
    }

    @Test
    void theMostUrgentComesFirst() {
        WorkFacts both = open("DETENTION", START.minusDays(60), START, Map.of(), null, false, Map.of());
        assertThat(kinds(both, START.plusDays(10))).containsExactly(Signal.Kind.NO_CONTACT_30_DAYS,
                Signal.Kind.NETWORK_MEETING_OVERDUE);
    }
}
