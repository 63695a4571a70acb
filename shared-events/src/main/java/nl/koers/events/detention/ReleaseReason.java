package nl.koers.events.detention;

/** Why a detention ended. */
public enum ReleaseReason { SENTENCE_SERVED, RELEASED_BY_COURT, SUSPENDED, PROBATION, TRANSFERRED, OTHER }
