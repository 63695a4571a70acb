package nl.koers.events.common;

/**
 * The longest text each field of the published language may hold, in characters: long enough for a worker's
 * note, short enough to bound events. Requests are checked against these first (400 with every field), and the
 * trajectory checks them again for any other sender.
 */
public final class FieldLimits {
    /** Notes on contacts and interventions, the perspectiefplan summary. */
    public static final int NOTE = 4000;
    /** Explanations of corrections and retractions. */
    public static final int EXPLANATION = 2000;
    public static final int REFERRAL_REASON = 2000;
    /** A youth's given or family name. */
    public static final int NAME = 200;
    /** The name of a youth detention centre (JJI), never personal data. */
    public static final int FACILITY = 200;
    public static final int CASEWORKER = 100;
    /** The id of an earlier entry that a correction or retraction refers to. */
    public static final int EVENT_ID = 100;
    /** An administrator's legal ground for an erasure. */
    public static final int ERASURE_REASON = 500;

    private FieldLimits() {
    }
}
