package nl.koers.query.casefile;

import nl.koers.events.aftercare.BasicCondition;
import nl.koers.events.aftercare.ConditionStatus;
import nl.koers.events.common.Phase;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What needs action on one trajectory on a given day, derived when read from its {@link WorkFacts} and the
 * business calendar: a network meeting becomes overdue on the eighth day after the detention started without any
 * event, because nothing is stored but dates. The caseload counts (overdue network meetings, without contact) and
 * the worklist both come from here, so they always agree.
 */
public final class Signals {
    public static final int NO_CONTACT_DAYS = 30;
    /** How long before the end of follow-up the worklist starts to say so. */
    public static final int FOLLOW_UP_WARNING_DAYS = 30;
    /** Most urgent first: the earliest due date, then the order of {@link Signal.Kind}. */
    public static final Comparator<Signal> URGENCY = Comparator.comparing(Signal::dueOn)
            .thenComparing(Signal::kind);

    private Signals() {
    }

    public static List<Signal> of(WorkFacts facts, LocalDate today) {
        List<Signal> signals = new ArrayList<>();
        if (!facts.active()) {
            followUpEnding(facts, today, signals);
            return signals;
        }
        if (facts.awaitingMeetingSince() != null) {
            LocalDate due = facts.awaitingMeetingSince().plusDays(CaseFile.NETWORK_MEETING_DAYS);
            signals.add(new Signal(today.isAfter(due) ? Signal.Kind.NETWORK_MEETING_OVERDUE
                    : Signal.Kind.NETWORK_MEETING_DUE, due, null));
        }
        if (facts.lastContact() != null) {
            LocalDate due = facts.lastContact().plusDays(NO_CONTACT_DAYS);
            if (today.isAfter(due)) {
                signals.add(new Signal(Signal.Kind.NO_CONTACT_30_DAYS, due, null));
            }
        }
        facts.planned().forEach((id, planned) -> {
            if (today.isAfter(planned.plannedOn())) {
                signals.add(new Signal(Signal.Kind.INTERVENTION_NOT_STARTED, planned.plannedOn(), id));
            }
        });
        if (Phase.AFTERCARE.name().equals(facts.phase()) && facts.releasedOn() != null) {
            aftercare(facts, signals);
        }
        signals.sort(URGENCY);
        return signals;
    }

    /**
     * STP not started: the STP is the route back to school or work before release; without it the daytime
     * activity has to be arranged in aftercare, so the signal stays until that condition is assessed met or
     * partly met on or after the release.
     */
    private static void aftercare(WorkFacts facts, List<Signal> signals) {
        LocalDate released = facts.releasedOn();
        AtAGlance.Condition daytime = facts.conditions().get(BasicCondition.DAYTIME_ACTIVITY);
        boolean daytimeArranged = daytime != null && daytime.status() != ConditionStatus.NOT_MET
                && !daytime.assessedOn().isBefore(released);
        if (!facts.stpStarted() && !daytimeArranged) {
            signals.add(new Signal(Signal.Kind.STP_NOT_STARTED, released, null));
        }
        facts.conditions().forEach((condition, latest) -> {
            if (latest.status() == ConditionStatus.NOT_MET) {
                LocalDate due = latest.assessedOn().isAfter(released) ? latest.assessedOn() : released;
                signals.add(new Signal(Signal.Kind.BASIC_CONDITION_NOT_MET, due, condition.name()));
            }
        });
    }

    private static void followUpEnding(WorkFacts facts, LocalDate today, List<Signal> signals) {
        if (facts.closedOn() == null) {
            return;
        }
        LocalDate end = CaseFile.followUpUntil(facts.closedOn());
        if (!end.isBefore(today) && !end.isAfter(today.plusDays(FOLLOW_UP_WARNING_DAYS))) {
            signals.add(new Signal(Signal.Kind.FOLLOW_UP_ENDING, end, null));
        }
    }

    /** How many of these signals are of this kind (the caseload's counts). */
    public static long count(List<Signal> signals, Signal.Kind kind) {
        return signals.stream().filter(signal -> signal.kind() == kind).count();
    }
}
