package nl.koers.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/** Builds RFC 7807 problem details in the one shape api.md promises: type, title, status, detail, errors. */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://koers.example/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String title, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + slug(status)));
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    /** For filters that answer before Spring MVC runs (401, 403). */
    public static void write(HttpServletResponse response, ObjectMapper mapper, HttpStatus status, String title,
                             String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MEDIA_TYPE);
        mapper.writeValue(response.getOutputStream(), of(status, title, detail, List.of()));
    }

    private static String slug(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "invalid-request";
            case UNAUTHORIZED -> "authentication-required";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            case CONFLICT -> "conflict";
            case UNPROCESSABLE_ENTITY -> "idempotency-key-reused";
            default -> status.name().toLowerCase().replace('_', '-');
        };
    }
}
