package nl.koers.query.audit;

import nl.koers.platform.hashchain.CanonicalJson;
import nl.koers.platform.hashchain.ChainLink;
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
                          String previousHash, String hash) implements ChainLink {

    public static final String GENESIS = ChainLink.GENESIS;

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

    @Override
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
        Map<?, ?> object = ChainLink.fields(line, FIELDS);
        return new AuditRecord(
                ChainLink.integer(object, "position"),
                ChainLink.string(object, "eventId", false),
                ChainLink.string(object, "aggregateId", true),
                object.get("sequence") == null ? null : ChainLink.integer(object, "sequence"),
                ChainLink.string(object, "type", false),
                ChainLink.string(object, "revision", true),
                ChainLink.string(object, "timestamp", false),
                CanonicalJson.write(object.get("payload")),
                CanonicalJson.write(object.get("metadata")),
                ChainLink.string(object, "previousHash", true),
                ChainLink.string(object, "hash", true));
    }

    public static String sha256(String text) {
        return ChainLink.sha256(text);
    }
}
