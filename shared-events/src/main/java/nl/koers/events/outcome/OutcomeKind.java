package nl.koers.events.outcome;

/** Outcomes the programme measures. */
public enum OutcomeKind { SCHOOL_ENROLMENT, STARTING_QUALIFICATION, WORK, EARLY_SCHOOL_LEAVING }
