package nl.koers.platform.security;

/** The roles of the README's "Who may do what"; each sees only what it needs (purpose limitation). */
public enum Role { YOUTH_WORKER, JUSTICE_LIAISON, AUDITOR, POLICY_ANALYST, ADMIN }
