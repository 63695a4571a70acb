package nl.koers.events.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A personal or free-text value sealed with the youth's own key (AES-GCM, base64 of nonce and ciphertext).
 * Events carry personal data only in this form, so destroying the youth's key erases the value in every
 * stored copy while the event itself stays replayable (crypto-shredding).
 */
public record EncryptedValue(@JsonValue String ciphertext) {

    @JsonCreator
    public EncryptedValue {
        if (ciphertext == null || ciphertext.isBlank()) {
            throw new IllegalArgumentException("ciphertext is required");
        }
    }

    @Override
    public String toString() {
        return "EncryptedValue[sealed]";
    }
}
