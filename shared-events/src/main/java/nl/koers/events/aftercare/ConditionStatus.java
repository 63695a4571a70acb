package nl.koers.events.aftercare;

/** How far a basic condition is met. */
public enum ConditionStatus { MET, PARTLY, NOT_MET }
