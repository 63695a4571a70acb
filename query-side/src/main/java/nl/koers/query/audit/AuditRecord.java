package nl.koers.query.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Set;

/**
 * One line of the audit export and one link of the hash chain. {@code payload} and {@code metadata} are held in
 * canonical JSON ({@link CanonicalJson}); {@code hash} is SHA-256 (lowercase hex) over the UTF-8 bytes of
 * {@link #preimage()}: the canonical JSON object of every other field. The first link of the log has
 * {@link #GENESIS} as previous hash.
 *
 * @param hash         {@code null} only for an event that is in the store but not in the chain
 * @param previousHash {@code null} only together with {@code hash}
 */
public record AuditRecord(long position, String eventId, String aggregateId, Long sequence, String type,
                          String revision, String timestamp, String payload, String metadata,
                          String previousHash, String hash) {

    public static final String GENESIS = "0".repeat(64);

    static final Set<String> FIELDS = Set.of("position", "eventId", "aggregateId", "sequence", "type", "revision",
            "timestamp", "payload", "metadata", "previousHash", "hash");

    /** The same record linked after {@code previousHash}, with its hash computed. */
    public AuditRecord linkedTo(String previousHash) {
        AuditRecord unhashed = new AuditRecord(position, eventId, aggregateId, sequence, type, revision, timestamp,
                payload, metadata, previousHash, null);
        return unhashed.withHash(sha256(unhashed.preimage()));
    }

    public AuditRecord withHash(String newHash) {
        return new AuditRecord(position, eventId, aggregateId, sequence, type, revision, timestamp, payload,
                metadata, previousHash, newHash);
    }

    /** What the hash covers: all fields but {@code hash}, as one canonical JSON object. */
    public String preimage() {
        return json(false);
    }

    /** The hash this record's content calls for (compare with {@link #hash()} to find an alteration). */
    public String computeHash() {
        return sha256(preimage());
    }

    /** The export line (canonical JSON, keys sorted, no newline). */
    public String toLine() {
        return json(true);
    }

    // Keys appear in canonical (sorted) order; payload and metadata are canonical already.
    private String json(boolean withHash) {
        StringBuilder out = new StringBuilder(payload.length() + metadata.length() + 400);
        out.append("{\"aggregateId\":");
        CanonicalJson.write(aggregateId, out);
        out.append(",\"eventId\":");
        CanonicalJson.write(eventId, out);
        if (withHash) {
            out.append(",\"hash\":");
            CanonicalJson.write(hash, out);
        }
        out.append(",\"metadata\":").append(metadata);
        out.append(",\"payload\":").append(payload);
        out.append(",\"position\":").append(position);
        out.append(",\"previousHash\":");
        CanonicalJson.write(previousHash, out);
        out.append(",\"revision\":");
        CanonicalJson.write(revision, out);
        out.append(",\"sequence\":");
        CanonicalJson.write(sequence, out);
        out.append(",\"timestamp\":");
        CanonicalJson.write(timestamp, out);
        out.append(",\"type\":");
        CanonicalJson.write(type, out);
        out.append('}');
        return out.toString();
    }

    /** Reads an export line; throws {@link CanonicalJson.MalformedJson} when it is not a well-formed record. */
    public static AuditRecord parse(String line) {
        if (!(CanonicalJson.parse(line) instanceof Map<?, ?> object)) {
            throw new CanonicalJson.MalformedJson("not a JSON object");
        }
        for (Object key : object.keySet()) {
            if (!FIELDS.contains(key)) {
                throw new CanonicalJson.MalformedJson("unknown field \"" + key + "\"");
            }
        }
        for (String field : FIELDS) {
            if (!object.containsKey(field)) {
                throw new CanonicalJson.MalformedJson("field \"" + field + "\" is missing");
            }
        }
        return new AuditRecord(
                integer(object, "position"),
                string(object, "eventId", false),
                string(object, "aggregateId", true),
                object.get("sequence") == null ? null : integer(object, "sequence"),
                string(object, "type", false),
                string(object, "revision", true),
                string(object, "timestamp", false),
                CanonicalJson.write(object.get("payload")),
                CanonicalJson.write(object.get("metadata")),
                string(object, "previousHash", true),
                string(object, "hash", true));
    }

    private static String string(Map<?, ?> object, String field, boolean nullable) {
        Object value = object.get(field);
        if (value == null && nullable) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        throw new CanonicalJson.MalformedJson("field \"" + field + "\" must be a string");
    }

    private static long integer(Map<?, ?> object, String field) {
        if (object.get(field) instanceof CanonicalJson.RawNumber n) {
            try {
                return n.longValue();
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
        }
        throw new CanonicalJson.MalformedJson("field \"" + field + "\" must be an integer");
    }

    public static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            char[] hex = new char[64];
            for (int i = 0; i < 32; i++) {
                hex[2 * i] = Character.forDigit(digest[i] >> 4 & 0xf, 16);
                hex[2 * i + 1] = Character.forDigit(digest[i] & 0xf, 16);
            }
            return new String(hex);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
