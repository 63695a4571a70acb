package nl.koers.command.idempotency;

import nl.koers.platform.web.ApiProblem;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The idempotency key of a page form (a hidden field with a fresh UUID, rendered into the form), kept in the same
 * {@link IdempotencyStore} as the API's {@code Idempotency-Key} header and bound to the append the same way
 * ({@link RequestKey}): a double click, or the same form sent again, records once and gets the first answer (the
 * page that shows the result). The copy that arrives while the first still runs waits for it instead of
 * answering 409: for a person that is one click, not a conflict.
 */
@Component
public class FormKeys {
    static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(50);
    private final IdempotencyStore store;

    public FormKeys(IdempotencyStore store) {
        this.store = store;
    }

    /** What a form post led to: where to send the browser, and whether something was recorded (then kept). */
    public record Result(String location, boolean recorded) {
    }

    /**
     * Runs {@code post} once per user and key. Answers the location of the first successful run for every copy
     * of the same form; empty when the key was used for a form with other content (a form rendered once but
     * changed and sent again: the caller asks to send it anew). A post that recorded nothing frees the key, so
     * the corrected form can be sent with it again.
     */
    public Optional<String> once(String user, String key, String path, Map<String, String> fields,
                                 Supplier<Result> post) {
        if (key == null || key.isBlank() || key.length() > IdempotencyFilter.MAX_KEY_LENGTH) {
            throw ApiProblem.invalid("idempotencyKey", "must be 1 to " + IdempotencyFilter.MAX_KEY_LENGTH
                    + " characters");
        }
        String hash = fingerprint(path, fields);
        long deadline = System.nanoTime() + WAIT_FOR_FIRST.toNanos();
        while (true) {
            IdempotencyStore.Reservation reservation = store.reserve(user, key, hash);
            if (reservation instanceof IdempotencyStore.Replay replay) {
                return Optional.of(replay.answer().location());
            }
            if (reservation instanceof IdempotencyStore.Mismatch) {
                return Optional.empty();
            }
            if (reservation instanceof IdempotencyStore.Run run) {
                return Optional.of(run(run.id(), RequestKey.of(user, key), post));
            }
            if (System.nanoTime() > deadline) {
                throw ApiProblem.conflict("a form with this key is still being processed");
            }
            pause();
        }
    }

    private String run(String id, RequestKey key, Supplier<Result> post) {
        RequestAttributes request = RequestContextHolder.currentRequestAttributes();
        request.setAttribute(RequestKey.ATTRIBUTE, key, RequestAttributes.SCOPE_REQUEST);
        boolean kept = false;
        try {
            Result result = post.get();
            if (result.recorded()) {
                store.complete(id, new IdempotencyStore.Answer(303, null, "", result.location()));
                kept = true;
            }
            return result.location();
        } finally {
            request.removeAttribute(RequestKey.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
            if (!kept) {
                store.release(id);
            }
        }
    }

    /** SHA-256 of the form's path and fields in name order (never the fields themselves). */
    static String fingerprint(String path, Map<String, String> fields) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(("POST " + path + "\n").getBytes(StandardCharsets.UTF_8));
            new TreeMap<>(fields).forEach((name, value) -> digest.update((name.length() + ":" + name + "="
                    + value.length() + ":" + value + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiProblem.conflict("interrupted while waiting for the first copy of this form");
        }
    }
}
