package nl.koers.events.common;

/**
 * What a later entry may do to an entry of this type. Recorded history is never edited: a correction or a
 * retraction is a new entry that points at the original.
 */
public enum EntryKind {
    /** A plain fact no rule depends on: it can be corrected, and retracted when it was recorded in error. */
    FACT(true, true),
    /**
     * An entry that moved the trajectory on (opening, phases, close, transfer, caseworker, the steps of an
     * intervention, the once-only steps of a detention): it can be corrected but not retracted, or the
     * trajectory's state would no longer match its visible history.
     */
    STATE_CHANGE(true, false),
    /** A correction or retraction itself: a later one must refer to the original entry instead. */
    AMENDMENT(false, false);

    private final boolean correctable;
    private final boolean retractable;

    EntryKind(boolean correctable, boolean retractable) {
        this.correctable = correctable;
        this.retractable = retractable;
    }

    public boolean correctable() {
        return correctable;
    }

    public boolean retractable() {
        return retractable;
    }
}
