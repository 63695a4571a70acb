package nl.koers.query.casefile;

import nl.koers.events.aftercare.ConditionStatus;
import nl.koers.events.detention.DetentionType;

import java.time.LocalDate;

/** The case at a glance as a summary shows it: the parts of a {@link CaseFile} a reader acts on. */
public final class AtAGlance {
    private AtAGlance() {
    }

    /**
     * The current detention and its chain deadlines: the network meeting is due {@value CaseFile#NETWORK_MEETING_DAYS}
     * days after the start (Netwerk- en Trajectberaad), {@code networkMeetingHeldOn} is {@code null} until it is held.
     */
    public record Detention(DetentionType type, String facility, LocalDate startedOn, LocalDate networkMeetingDueOn,
                            LocalDate networkMeetingHeldOn, LocalDate stpStartedOn) {
    }

    /** An intervention in its life cycle: {@code PLANNED}, {@code STARTED}, {@code COMPLETED} or {@code STOPPED}. */
    public record Intervention(String interventionId, String type, String status, LocalDate plannedOn,
                               LocalDate startedOn, LocalDate endedOn) {
    }

    /** The latest assessment of one basic condition. */
    public record Condition(ConditionStatus status, LocalDate assessedOn) {
    }
}
