package nl.koers.platform.hashchain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Set;

/**
 * One record of a SHA-256 hash chain as exported (the event log, the access log): it names the hash of the record
 * before it, and its own hash covers the canonical JSON of all its fields but {@code hash}. The first record of a
 * log links to {@link #GENESIS}.
 */
public interface ChainLink {
    String GENESIS = "0".repeat(64);

    /** Where the record stands in its log (event position, access-log sequence number). */
    long position();

    /** {@code null} only for a record the log holds outside the chain. */
    String hash();

    String previousHash();

    /** The hash this record's content calls for (compare with {@link #hash()} to find an alteration). */
    String computeHash();

    /** Lowercase hex SHA-256 of the UTF-8 bytes. */
    static String sha256(String text) {
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

    /** Parses an export line into its fields, which must be exactly {@code fields}. */
    static Map<?, ?> fields(String line, Set<String> fields) {
        if (!(CanonicalJson.parse(line) instanceof Map<?, ?> object)) {
            throw new CanonicalJson.MalformedJson("not a JSON object");
        }
        for (Object key : object.keySet()) {
            if (!fields.contains(key)) {
                throw new CanonicalJson.MalformedJson("unknown field \"" + key + "\"");
            }
        }
        for (String field : fields) {
            if (!object.containsKey(field)) {
                throw new CanonicalJson.MalformedJson("field \"" + field + "\" is missing");
            }
        }
        return object;
    }

    static String string(Map<?, ?> object, String field, boolean nullable) {
        Object value = object.get(field);
        if (value == null && nullable) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        throw new CanonicalJson.MalformedJson("field \"" + field + "\" must be a string");
    }

    static long integer(Map<?, ?> object, String field) {
        if (object.get(field) instanceof CanonicalJson.RawNumber n) {
            try {
                return n.longValue();
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
        }
        throw new CanonicalJson.MalformedJson("field \"" + field + "\" must be an integer");
    }
}
