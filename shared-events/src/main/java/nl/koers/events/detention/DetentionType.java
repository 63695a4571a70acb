package nl.koers.events.detention;

/** Legal basis of a stay in a youth detention centre (JJI): voorlopige hechtenis, jeugddetentie or PIJ-maatregel. */
public enum DetentionType { PRE_TRIAL, YOUTH_DETENTION, PIJ }
