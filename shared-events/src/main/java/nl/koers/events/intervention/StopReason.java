package nl.koers.events.intervention;

/** Why an intervention stopped before completion. */
public enum StopReason { REFUSED, NO_SHOW, NOT_SUITABLE, DETENTION, MOVED, OTHER }
