package nl.koers.platform.crypto;

import nl.koers.platform.config.KoersProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The two process-wide secrets: the master key that wraps youth keys and the HMAC key for identity hashes.
 * Production passes them in from a secret store; the embedded default generates them once into its data folder
 * (owner-only file), so a copy of the databases alone reveals no personal data.
 */
public final class KeyMaterial {
    private static final Logger log = LoggerFactory.getLogger(KeyMaterial.class);
    private final SecretKey masterKey;
    private final byte[] identityKey;

    public KeyMaterial(SecretKey masterKey, byte[] identityKey) {
        this.masterKey = masterKey;
        this.identityKey = identityKey.clone();
    }

    public static KeyMaterial from(KoersProperties properties) {
        String master = properties.crypto().masterKey();
        String identity = properties.crypto().identityKey();
        byte[] masterBytes = present(master) ? Base64.getDecoder().decode(master)
                : fileKey(properties.dataDir().resolve("keys/master.key"));
        byte[] identityBytes = present(identity) ? Base64.getDecoder().decode(identity)
                : fileKey(properties.dataDir().resolve("keys/identity.key"));
        if (masterBytes.length != 32) {
            throw new IllegalStateException("koers.crypto.master-key must be 32 bytes (base64)");
        }
        return new KeyMaterial(new SecretKeySpec(masterBytes, "AES"), identityBytes);
    }

    SecretKey masterKey() {
        return masterKey;
    }

    byte[] identityKey() {
        return identityKey.clone();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static byte[] fileKey(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the data folder's own permissions apply
            }
            log.info("Generated key file {}", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create key file " + file, e);
        }
    }
}
