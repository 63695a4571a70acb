package nl.koers.platform.security;

/** The roles of domain.md; each sees only what it needs (purpose limitation). */
public enum Role { YOUTH_WORKER, JUSTICE_LIAISON, AUDITOR, POLICY_ANALYST, ADMIN }
