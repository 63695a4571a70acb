package nl.koers.command.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.koers.platform.web.CachedBodyRequest;
import nl.koers.platform.web.FieldProblem;
import nl.koers.platform.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code Idempotency-Key} on command requests (api.md): the same key and body from the same user returns the
 * first answer and records nothing new, also after a restart; the same key with another body (or another
 * endpoint) is 422; a second request while the first still runs is 409. Runs after authentication, so 401 comes
 * first, and wraps the whole request, so the answer it stores is exactly what the client got.
 */
public class IdempotencyFilter extends OncePerRequestFilter {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    public static final int MAX_KEY_LENGTH = 100;

    private final IdempotencyStore store;
    private final ObjectMapper mapper;
    /** Sorted keys, so formatting and field order of the JSON do not make "another body". */
    private final ObjectMapper canonical = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public IdempotencyFilter(IdempotencyStore store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER).trim();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            problem(response, HttpStatus.BAD_REQUEST, "Invalid request",
                    HEADER + ": must be 1 to " + MAX_KEY_LENGTH + " characters",
                    List.of(new FieldProblem(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters")));
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        IdempotencyStore.Reservation reservation = store.reserve(auth.getName(), key, fingerprint(request, body));
        if (reservation instanceof IdempotencyStore.Replay replay) {
            replay(response, replay.answer());
        } else if (reservation instanceof IdempotencyStore.Mismatch) {
            problem(response, HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable request",
                    "This Idempotency-Key was used for another request; use a new key for a new request.", List.of());
        } else if (reservation instanceof IdempotencyStore.InProgress) {
            problem(response, HttpStatus.CONFLICT, "Conflict",
                    "A request with this Idempotency-Key is still being processed; retry in a moment.", List.of());
        } else if (reservation instanceof IdempotencyStore.Run run) {
            execute(new CachedBodyRequest(request, body), response, chain, run.id());
        }
    }

    private void execute(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String id)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(request, wrapper);
            int status = wrapper.getStatus();
            if (status >= 200 && status < 300) {
                store.complete(id, new IdempotencyStore.Answer(status, wrapper.getContentType(),
                        new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8),
                        wrapper.getHeader(HttpHeaders.LOCATION)));
                kept = true;
            }
        } finally {
            if (!kept) {
                store.release(id);
            }
            wrapper.copyBodyToResponse();
        }
    }

    private void replay(HttpServletResponse response, IdempotencyStore.Answer answer) throws IOException {
        response.setStatus(answer.status());
        if (answer.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, answer.location());
        }
        response.setHeader(REPLAYED, "true");
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        response.getOutputStream().write(answer.body().getBytes(StandardCharsets.UTF_8));
    }

    private void problem(HttpServletResponse response, HttpStatus status, String title, String detail,
                         List<FieldProblem> errors) throws IOException {
        ProblemDetail problem = Problems.of(status, title, detail, errors);
        response.setStatus(status.value());
        response.setContentType(Problems.MEDIA_TYPE);
        mapper.writeValue(response.getOutputStream(), problem);
    }

    /** SHA-256 of the endpoint and the canonical JSON body (the raw bytes when it is not JSON). */
    String fingerprint(HttpServletRequest request, byte[] body) {
        byte[] content;
        try {
            content = canonical.writeValueAsBytes(canonical.readValue(body, Object.class));
        } catch (IOException | RuntimeException e) {
            content = body;
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(content);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
