package nl.koers.platform.crypto;

import nl.koers.events.common.EncryptedValue;
import nl.koers.events.common.YouthId;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;

/**
 * Seals and opens personal values with the youth's key (AES-256-GCM, random 96-bit nonce, youth id as
 * associated data so a value cannot be moved to another youth). After erasure {@link #open} answers empty.
 */
public class PersonalDataCipher {
    /**
     * One AES-GCM cipher per thread, initialised afresh for every value (a new nonce each time it seals): looking the
     * algorithm up in the providers cost a third of opening a value, and a history opens dozens per read.
     */
    private static final ThreadLocal<Cipher> AES_GCM = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available", e);
        }
    });
    private final YouthKeyStore keys;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataCipher(YouthKeyStore keys) {
        this.keys = keys;
    }

    public EncryptedValue seal(YouthId youth, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher cipher = AES_GCM.get();
            cipher.init(Cipher.ENCRYPT_MODE, keys.keyFor(youth), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(youth.value().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return new EncryptedValue(Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a personal value", e);
        }
    }

    /** The plaintext, or empty when the value is absent or the youth's key was destroyed. */
    public Optional<String> open(YouthId youth, EncryptedValue value) {
        if (value == null) {
            return Optional.empty();
        }
        Optional<SecretKey> key = keys.existingKey(youth);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(value.ciphertext());
            Cipher cipher = AES_GCM.get();
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(128, bytes, 0, 12));
            cipher.updateAAD(youth.value().getBytes(StandardCharsets.UTF_8));
            return Optional.of(new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a sealed value of this youth does not verify", e);
        }
    }

    /** Whether the youth's key is gone (erased): their sealed values can never be read again. */
    public boolean erased(YouthId youth) {
        return keys.existingKey(youth).isEmpty();
    }

    /** Creates the keys of many new youths in one write before their values are sealed (bulk imports). */
    public void prepareKeys(Collection<YouthId> youths) {
        keys.createKeys(youths);
    }
}
