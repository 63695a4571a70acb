package nl.koers.events.common;

/** Thrown by command handlers for a request the domain does not allow; carries a {@link Rejection}. */
public class CommandRefused extends RuntimeException {
    private static final String STALE_VERSION = "the trajectory is at version ";
    private final transient Rejection rejection;

    public CommandRefused(Rejection rejection) {
        super(rejection.message(), null, false, false);
        this.rejection = rejection;
    }

    /** The request is invalid in itself or against the trajectory (a date before it opened, an unknown code). */
    public static CommandRefused invalid(String field, String message) {
        return new CommandRefused(new Rejection(Rejection.Kind.INVALID, field, message));
    }

    /** The trajectory's state does not allow this now (a second detention, recording after close). */
    public static CommandRefused conflict(String message) {
        return new CommandRefused(new Rejection(Rejection.Kind.CONFLICT, null, message));
    }

    /**
     * The client's {@code If-Match} version is no longer the trajectory's: someone recorded something in between.
     * A conflict like any other for the API; a page recognises it ({@link #isStaleVersion}) to show the fresh state.
     */
    public static CommandRefused staleVersion(long current, Object expected) {
        return conflict(STALE_VERSION + current + ", not " + expected + "; reload and try again");
    }

    /** Whether a refusal is {@link #staleVersion}'s. */
    public static boolean isStaleVersion(Rejection rejection) {
        return rejection.kind() == Rejection.Kind.CONFLICT && rejection.message() != null
                && rejection.message().startsWith(STALE_VERSION);
    }

    public static CommandRefused notFound(String message) {
        return new CommandRefused(new Rejection(Rejection.Kind.NOT_FOUND, null, message));
    }

    public Rejection rejection() {
        return rejection;
    }
}
