package nl.koers.events.common;

/** Thrown by command handlers for a request the domain does not allow; carries a {@link Rejection}. */
public class CommandRefused extends RuntimeException {
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

    public static CommandRefused notFound(String message) {
        return new CommandRefused(new Rejection(Rejection.Kind.NOT_FOUND, null, message));
    }

    public Rejection rejection() {
        return rejection;
    }
}
