package nl.koers.command.common;

/** Maximum lengths of free text in requests; long enough for a worker's note, short enough to bound events. */
public final class Limits {
    public static final int NOTE = 4000;
    public static final int EXPLANATION = 2000;

    private Limits() {
    }
}
