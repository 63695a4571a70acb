package nl.koers.platform.web;

/** An authenticated principal without a Koers role: treated as forbidden everywhere. */
public class UnknownUserException extends RuntimeException {
    public UnknownUserException() {
        super("the authenticated user has no Koers role", null, false, false);
    }
}
