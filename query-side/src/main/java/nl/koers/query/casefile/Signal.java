package nl.koers.query.casefile;

import java.time.LocalDate;

/**
 * Something on a trajectory that needs action, due on {@code dueOn}; {@code detail} says which one where a
 * trajectory can have several (the intervention id, the basic condition), otherwise {@code null}.
 */
public record Signal(Kind kind, LocalDate dueOn, String detail) {

    /** In the order the worklist shows signals due on the same day. */
    public enum Kind {
        /** Detention started more than 7 days ago without a network meeting. */
        NETWORK_MEETING_OVERDUE,
        /** Detention started, network meeting not held yet, due 7 days after the start. */
        NETWORK_MEETING_DUE,
        /** Open, and the last contact (or, without one, the opening) is more than 30 days back. */
        NO_CONTACT_30_DAYS,
        /** An intervention planned to start before today has not started. */
        INTERVENTION_NOT_STARTED,
        /** Released from detention without an STP, and no daytime activity arranged since. */
        STP_NOT_STARTED,
        /** In aftercare, a basic condition's latest assessment is "not met". */
        BASIC_CONDITION_NOT_MET,
        /** Closed, and the 24 months of follow-up end within 30 days. */
        FOLLOW_UP_ENDING
    }
}
