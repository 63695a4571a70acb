package nl.koers.platform.web;

import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * A refusal with its HTTP status, thrown by the service layer of either side and rendered as RFC 7807 problem
 * details. Messages must never contain personal data (they may end up in logs).
 */
public class ApiProblem extends RuntimeException {
    /** How long a client is asked to wait before trying again after a 503 ({@link #unavailable}). */
    public static final int RETRY_AFTER_SECONDS = 5;
    private final HttpStatus status;
    private final String title;
    private final List<FieldProblem> errors;

    public ApiProblem(HttpStatus status, String title, String detail, List<FieldProblem> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ApiProblem invalid(List<FieldProblem> errors) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request",
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid", errors);
    }

    public static ApiProblem invalid(String field, String message) {
        return invalid(List.of(new FieldProblem(field, message)));
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", detail, List.of());
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden", detail, List.of());
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "Not found", detail, List.of());
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, "Conflict", detail, List.of());
    }

    public static ApiProblem unprocessable(String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable request", detail, List.of());
    }

    /** A part of Koers that is not ready yet (503, with {@code Retry-After}). */
    public static ApiProblem unavailable(String detail) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
