package nl.koers.platform.crypto;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Keyed hashes (HMAC-SHA256) for "is this youth already known?": of the BSN, and of the normalised name and birth
 * date (a youth has both when a BSN is known). Without the identity key a hash cannot be tested against guessed BSNs.
 */
public class IdentityHasher {
    /** Characters that show nothing: format characters (zero-width space and joiners, soft hyphen, BOM, bidi
     *  marks), controls other than white space, and the Hangul fillers that render as blanks. */
    private static final Pattern INVISIBLE =
            Pattern.compile("[\\p{Cf}\\x00-\\x08\\x0E-\\x1F\\x7F-\\x9F\\u115F\\u1160\\u3164\\uFFA0]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern SPACES = Pattern.compile("[\\p{Z}\\s]+");
    private final byte[] key;

    public IdentityHasher(KeyMaterial material) {
        this.key = material.identityKey();
    }

    public String ofBsn(String bsn) {
        return "bsn:" + hmac(bsn.trim());
    }

    public String ofPerson(String givenName, String familyName, LocalDate birthDate) {
        return "person:" + hmac(normalise(givenName) + "|" + normalise(familyName) + "|" + birthDate);
    }

    /**
     * One spelling per name as people write it: compatibility forms unified (NFKC: ligatures, full-width letters,
     * non-breaking spaces), invisible characters removed, case folded (upper then lower case, so "ß" and "SS"
     * meet), accents ignored (as api.md promises), runs of spaces collapsed. Plain names normalise exactly as
     * before this rule, so their registry entries stay valid.
     */
    static String normalise(String name) {
        String compatible = Normalizer.normalize(name, Normalizer.Form.NFKC);
        String visible = INVISIBLE.matcher(compatible).replaceAll("");
        String folded = visible.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        String bare = MARKS.matcher(Normalizer.normalize(folded, Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(bare).replaceAll(" ").trim();
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
