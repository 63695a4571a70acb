package nl.koers.platform.web;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.JsonMappingException;
import nl.koers.events.common.Rejection;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every error of the API as RFC 7807 problem details; no stack traces or personal data leave the process.
 * Ordered first, so it also answers the MVC exceptions (unreadable JSON, unknown enum values) that Spring Boot's
 * own problem-details handler would otherwise answer without field errors.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private final RefusalLog refusals;

    public ProblemHandler(RefusalLog refusals) {
        this.refusals = refusals;
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem e, HttpServletRequest request) {
        boolean missingPurpose = e.errors().stream().anyMatch(f -> "X-Purpose".equals(f.field()));
        if (e.status() == HttpStatus.FORBIDDEN || missingPurpose) {
            refusals.record(request, e.status().value());
        }
        ResponseEntity<ProblemDetail> answer = respond(e.status(), e.title(), e.getMessage(), e.errors());
        if (e.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            // a part of Koers that is still starting up: worth asking again shortly
            return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                    .header("Retry-After", String.valueOf(ApiProblem.RETRY_AFTER_SECONDS)).body(answer.getBody());
        }
        return answer;
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> refused(CommandExecutionException e, HttpServletRequest request) {
        Object details = e.getDetails().orElse(null);
        if (details instanceof Rejection rejection) {
            if (rejection.kind() == Rejection.Kind.FORBIDDEN) {
                refusals.record(request, HttpStatus.FORBIDDEN.value());
            }
            return respond(rejection);
        }
        if (e.getCause() instanceof ConcurrencyException) {
            return concurrent();
        }
        log.error("Command failed without a rejection ({})", e.getClass().getSimpleName(), e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The command could not be processed.",
                List.of());
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrent() {
        return respond(HttpStatus.CONFLICT, "Conflict",
                "The trajectory was changed by another request at the same moment; reload and try again.", List.of());
    }

    public static ResponseEntity<ProblemDetail> respond(Rejection rejection) {
        HttpStatus status = switch (rejection.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        List<FieldProblem> errors = rejection.field() == null ? List.of()
                : List.of(new FieldProblem(rejection.field(), rejection.message()));
        String title = switch (rejection.kind()) {
            case INVALID -> "Invalid request";
            case FORBIDDEN -> "Forbidden";
            case NOT_FOUND -> "Not found";
            case CONFLICT -> "Conflict";
        };
        String detail = rejection.field() == null ? rejection.message() : rejection.field() + ": " + rejection.message();
        return respond(status, title, detail, errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                    ? "not a valid " + describe(mismatch.getTargetType())
                    : cause instanceof MismatchedInputException ? "has the wrong type" : "is invalid";
            return respond(HttpStatus.BAD_REQUEST, "Invalid request", field + " " + message,
                    List.of(new FieldProblem(field, message)));
        }
        return respond(HttpStatus.BAD_REQUEST, "Malformed request",
                "The request body is missing or is not valid JSON.", List.of());
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            Object[] values = type.getEnumConstants();
            return "value; allowed: " + java.util.Arrays.stream(values).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "Instant" -> "instant (ISO-8601 UTC, e.g. 2026-03-01T12:00:00Z)";
            case "int", "Integer", "long", "Long", "short", "Short" -> "whole number (e.g. 20)";
            case "boolean", "Boolean" -> "boolean (true or false)";
            case "UUID" -> "UUID (e.g. 0b5e6f0e-8a1c-4d0e-9d6a-3c2f1e0a9b7c)";
            case "String" -> "text (a JSON string)";
            default -> type.getSimpleName();
        };
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return respond(HttpStatus.BAD_REQUEST, "Invalid request", "Header " + e.getHeaderName() + " is required.",
                List.of(new FieldProblem(e.getHeaderName(), "is required")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return respond(HttpStatus.BAD_REQUEST, "Invalid request", "Parameter " + e.getParameterName() + " is required.",
                List.of(new FieldProblem(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        String message = e.getRequiredType() == null ? "is invalid" : "not a valid " + describe(e.getRequiredType());
        return respond(HttpStatus.BAD_REQUEST, "Invalid request", e.getName() + " " + message,
                List.of(new FieldProblem(e.getName(), message)));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", "Send application/json.",
                List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return respond(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", e.getMessage(), List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return respond(HttpStatus.NOT_FOUND, "Not found", "No such endpoint.", List.of());
    }

    @ExceptionHandler(UnknownUserException.class)
    ResponseEntity<ProblemDetail> unknownUser(UnknownUserException e, HttpServletRequest request) {
        refusals.record(request, HttpStatus.FORBIDDEN.value());
        return respond(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), List.of());
    }

    public static ResponseEntity<ProblemDetail> respond(HttpStatus status, String title, String detail,
                                                        List<FieldProblem> errors) {
        return ResponseEntity.status(status)
                .contentType(MediaType.parseMediaType(Problems.MEDIA_TYPE))
                .body(Problems.of(status, title, detail, errors));
    }
}
