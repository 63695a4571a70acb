package nl.koers.events.trajectory;

/** Why a trajectory was closed. */
public enum ClosureReason { GOALS_REACHED, MOVED, REFUSED, AGE_LIMIT, HANDED_OVER, OTHER }
