package nl.koers.platform.crypto;

import nl.koers.platform.config.KoersProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.util.Base64;

/**
 * The two process-wide secrets: the master key that wraps youth keys and the HMAC key for identity hashes.
 * Production passes them in from a secret store; the embedded default generates them once into its key folder
 * ({@link KeyFolder}, apart from the data folder), so a copy of the data alone reveals no personal data, and
 * rotates the master key after every erasure ({@link MasterKeys}).
 */
public final class KeyMaterial {
    private static final Logger log = LoggerFactory.getLogger(KeyMaterial.class);
    private final MasterKeys masterKeys;
    private final byte[] identityKey;

    /** A fixed master key (tests, or one from a secret store). */
    public KeyMaterial(SecretKey masterKey, byte[] identityKey) {
        this(MasterKeys.fixed(masterKey), identityKey);
    }

    private KeyMaterial(MasterKeys masterKeys, byte[] identityKey) {
        this.masterKeys = masterKeys;
        this.identityKey = identityKey.clone();
    }

    /** From configuration where given, else from the key folder ({@code keyDir}, or beside the data folder). */
    public static KeyMaterial from(KoersProperties properties, String keyDir) {
        String master = properties.crypto().masterKey();
        String identity = properties.crypto().identityKey();
        KeyFolder folder = present(master) && present(identity) ? null
                : KeyFolder.forData(properties.dataDir(), keyDir);
        byte[] identityBytes = present(identity) ? Base64.getDecoder().decode(identity)
                : folder.read("identity.key").orElseGet(() -> folder.create("identity.key"));
        if (!present(master)) {
            log.info("Key folder: {} (keep it out of data backups; back it up apart)", folder.path());
            return new KeyMaterial(MasterKeys.inFolder(folder), identityBytes);
        }
        byte[] masterBytes = Base64.getDecoder().decode(master);
        if (masterBytes.length != 32) {
            throw new IllegalStateException("koers.crypto.master-key must be 32 bytes (base64)");
        }
        return new KeyMaterial(MasterKeys.fixed(new SecretKeySpec(masterBytes, "AES")), identityBytes);
    }

    MasterKeys masterKeys() {
        return masterKeys;
    }

    byte[] identityKey() {
        return identityKey.clone();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
