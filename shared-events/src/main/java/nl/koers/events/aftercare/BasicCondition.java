package nl.koers.events.aftercare;

/** The five basic conditions for re-integration (vijf basisvoorwaarden) plus daytime activity. */
public enum BasicCondition { ID, HOUSING, INCOME, DEBTS, CARE, DAYTIME_ACTIVITY }
