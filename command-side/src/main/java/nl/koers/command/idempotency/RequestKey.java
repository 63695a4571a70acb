package nl.koers.command.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code Idempotency-Key} of the request being handled, bound to what the request records, so that no timing
 * of a crash can record it twice: a hash of user and key travels as command metadata into every event the command
 * appends ({@code CommandMetadata.IDEMPOTENCY_KEY}; the trajectory answers a command whose key it already applied
 * with the version it made then), and the ids the request creates are derived from it (a retried opening meets the trajectory the first
 * attempt created). Only a hash is kept: the key is the client's, and it says nothing about anyone.
 */
public final class RequestKey {
    static final String ATTRIBUTE = RequestKey.class.getName();
    private final String hash;

    private RequestKey(String hash) {
        this.hash = hash;
    }

    static RequestKey of(String user, String key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hashed = digest.digest((user + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return new RequestKey(HexFormat.of().formatHex(hashed, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void bindTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    /** The key of the HTTP request this thread handles, when it has one. */
    public static Optional<RequestKey> current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null ? Optional.empty()
                : Optional.ofNullable((RequestKey) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
    }

    /** A new id for what the current request creates: the same on every retry of a keyed request, else random. */
    public static String newId(String purpose) {
        return current().map(key -> key.derivedId(purpose)).orElseGet(() -> UUID.randomUUID().toString());
    }

    public String hash() {
        return hash;
    }

    String derivedId(String purpose) {
        return UUID.nameUUIDFromBytes((purpose + "\n" + hash).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
