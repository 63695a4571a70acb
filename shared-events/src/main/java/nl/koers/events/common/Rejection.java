package nl.koers.events.common;

/**
 * Why a command was refused, in a form that crosses process boundaries (Axon carries it as the details of a
 * command execution exception). The HTTP layer turns {@link Kind} into a status: INVALID 400, NOT_FOUND 404,
 * CONFLICT 409, FORBIDDEN 403. Messages never contain personal data.
 */
public record Rejection(Kind kind, String field, String message) {
    public enum Kind { INVALID, FORBIDDEN, NOT_FOUND, CONFLICT }
}
