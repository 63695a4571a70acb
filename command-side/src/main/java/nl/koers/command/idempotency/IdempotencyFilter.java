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
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;

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
    /** The crash point a test may name ({@code koers.test.crash-at}): the command is recorded, its answer not kept. */
    public static final String CRASH_AFTER_APPEND = "after-append";

    private final IdempotencyStore store;
    private final ObjectMapper mapper;
    private final boolean crashAfterAppend;
    /** Sorted keys, so formatting and field order of the JSON do not make "another body". */
    private final ObjectMapper canonical = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** {@code crashAt}: empty, or {@value #CRASH_AFTER_APPEND} for the crash-and-retry tests. */
    public IdempotencyFilter(IdempotencyStore store, ObjectMapper mapper, String crashAt) {
        this.store = store;
        this.mapper = mapper;
        this.crashAfterAppend = CRASH_AFTER_APPEND.equals(crashAt);
    }

    /** How long a repeated form post waits for the first one with its key to finish (a double click). */
    static final Duration FORM_WAIT = Duration.ofSeconds(10);

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || key(request) == null;
    }

    /** The API's header, or for a page's form post its hidden field ({@link IdempotentForm}). */
    private static String key(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        if (header != null || !IdempotentForm.isForm(request)) {
            return header;
        }
        return request.getParameter(IdempotentForm.FIELD);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        boolean form = request.getHeader(HEADER) == null;
        String key = key(request).trim();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            problem(response, HttpStatus.BAD_REQUEST, "Invalid request",
                    HEADER + ": must be 1 to " + MAX_KEY_LENGTH + " characters",
                    List.of(new FieldProblem(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters")));
            return;
        }
        // A form's fields are parsed already (the CSRF check read them); its fingerprint is made of them.
        byte[] body = form ? formContent(request) : request.getInputStream().readAllBytes();
        String fingerprint = fingerprint(request, body);
        IdempotencyStore.Reservation reservation = store.reserve(auth.getName(), key, fingerprint);
        // A double click sends the form again while the first post still runs: wait for its answer and give the
        // same one, rather than an error page for the click the browser shows.
        long waitUntil = System.nanoTime() + FORM_WAIT.toNanos();
        while (form && reservation instanceof IdempotencyStore.InProgress && System.nanoTime() < waitUntil) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            reservation = store.reserve(auth.getName(), key, fingerprint);
        }
        if (reservation instanceof IdempotencyStore.Replay replay) {
            replay(response, replay.answer());
        } else if (reservation instanceof IdempotencyStore.Mismatch) {
            problem(response, HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable request",
                    "This Idempotency-Key was used for another request; use a new key for a new request.", List.of());
        } else if (reservation instanceof IdempotencyStore.InProgress) {
            problem(response, HttpStatus.CONFLICT, "Conflict",
                    "A request with this Idempotency-Key is still being processed; retry in a moment.", List.of());
        } else if (reservation instanceof IdempotencyStore.Run run) {
            RequestKey.of(auth.getName(), key).bindTo(request);
            execute(form ? request : new CachedBodyRequest(request, body), response, chain, run.id(), form);
        }
    }

    private void execute(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String id,
                         boolean form) throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(request, wrapper);
            int status = wrapper.getStatus();
            boolean recordedForm = form && status >= 300 && status < 400 && IdempotentForm.wasRecorded(request);
            if (status >= 200 && status < 300 || recordedForm) {
                if (crashAfterAppend) {
                    Runtime.getRuntime().halt(137); // as kill -9 between the append and keeping the answer
                }
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

    /** A form's fields in a fixed order, without the CSRF token (it says nothing about what is asked). */
    private static byte[] formContent(HttpServletRequest request) {
        StringBuilder content = new StringBuilder();
        new TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
            if (!"_csrf".equals(name)) {
                content.append(name).append('=').append(String.join("\u0000", values)).append('\n');
            }
        });
        return content.toString().getBytes(StandardCharsets.UTF_8);
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
