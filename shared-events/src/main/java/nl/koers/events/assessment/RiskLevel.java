package nl.koers.events.assessment;

/** Risk level, per domain and overall. */
public enum RiskLevel { LOW, MEDIUM, HIGH }
