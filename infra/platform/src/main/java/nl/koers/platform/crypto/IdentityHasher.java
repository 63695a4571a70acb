package nl.koers.platform.crypto;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Keyed hashes (HMAC-SHA256) for "is this youth already known?": of the BSN when given, else of the normalised
 * name and birth date. Without the identity key a hash cannot be tested against guessed BSNs.
 */
public class IdentityHasher {
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

    private static String normalise(String name) {
        String stripped = Normalizer.normalize(name.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
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
