package nl.koers.platform.accesslog;

import nl.koers.platform.hashchain.CanonicalJson;
import nl.koers.platform.hashchain.ChainLink;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One access-log entry as a link of its hash chain and as a line of the export
 * ({@code GET /api/audit/access-log/export}). The rule is the event log's: {@code hash} is SHA-256 over the
 * canonical JSON of every other field, {@code previousHash} the hash of the entry before it (64 zeros for the
 * first), and {@code sequence} counts entries from 1 without gaps.
 *
 * @param at when, {@code Instant.toString()} of the stored time (millisecond precision)
 */
public record AccessLogLink(long sequence, String at, String user, String role, String action, String resource,
                            String trajectoryId, String youthId, String purpose, String outcome, long status,
                            String previousHash, String hash) implements ChainLink {

    static final Set<String> FIELDS = Set.of("sequence", "at", "user", "role", "action", "resource",
            "trajectoryId", "youthId", "purpose", "outcome", "status", "previousHash", "hash");
    static final AccessLogLink BEFORE_FIRST = new AccessLogLink(0, null, null, null, null, null, null, null, null,
            null, 0, null, GENESIS);

    /** The same entry with its hash computed. */
    AccessLogLink hashed() {
        return new AccessLogLink(sequence, at, user, role, action, resource, trajectoryId, youthId, purpose, outcome,
                status, previousHash, computeHash());
    }

    @Override
    public long position() {
        return sequence;
    }

    @Override
    public String computeHash() {
        return ChainLink.sha256(CanonicalJson.write(fields(false)));
    }

    /** The export line: canonical JSON, no newline. */
    public String toLine() {
        return CanonicalJson.write(fields(true));
    }

    /** Whether an export line is an access-log entry (and not an event). */
    public static boolean isLine(String line) {
        return line.contains("\"outcome\":") && !line.contains("\"eventId\":");
    }

    /** Reads an export line; throws {@link CanonicalJson.MalformedJson} when it is not a well-formed entry. */
    public static AccessLogLink parse(String line) {
        Map<?, ?> object = ChainLink.fields(line, FIELDS);
        return new AccessLogLink(ChainLink.integer(object, "sequence"), ChainLink.string(object, "at", false),
                ChainLink.string(object, "user", true), ChainLink.string(object, "role", true),
                ChainLink.string(object, "action", true), ChainLink.string(object, "resource", true),
                ChainLink.string(object, "trajectoryId", true), ChainLink.string(object, "youthId", true),
                ChainLink.string(object, "purpose", true), ChainLink.string(object, "outcome", false),
                ChainLink.integer(object, "status"), ChainLink.string(object, "previousHash", false),
                ChainLink.string(object, "hash", false));
    }

    private Map<String, Object> fields(boolean withHash) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("sequence", sequence);
        fields.put("at", at);
        fields.put("user", user);
        fields.put("role", role);
        fields.put("action", action);
        fields.put("resource", resource);
        fields.put("trajectoryId", trajectoryId);
        fields.put("youthId", youthId);
        fields.put("purpose", purpose);
        fields.put("outcome", outcome);
        fields.put("status", status);
        fields.put("previousHash", previousHash);
        if (withHash) {
            fields.put("hash", hash);
        }
        return fields;
    }
}
