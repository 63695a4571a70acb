package nl.koers.events.assessment;

/** Life domains of a risk assessment. */
public enum LifeDomain { SCHOOL, FAMILY, PEERS, SUBSTANCE_USE, LEISURE, ATTITUDE }
