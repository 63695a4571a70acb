package nl.koers.query.common;

import nl.koers.events.common.EncryptedValue;
import nl.koers.events.common.YouthId;
import nl.koers.platform.crypto.PersonalDataCipher;
import org.springframework.stereotype.Component;

/**
 * Opens sealed values of one youth for an answer. Views keep them sealed; after erasure (the youth's key destroyed)
 * every value reads as {@code null} and {@link Opener#erased()} is true.
 */
@Component
public class PersonalFields {
    private final PersonalDataCipher cipher;

    public PersonalFields(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    public Opener of(String youthId) {
        YouthId youth = new YouthId(youthId);
        return new Opener(youth, cipher.erased(youth));
    }

    public final class Opener {
        private final YouthId youth;
        private final boolean erased;

        private Opener(YouthId youth, boolean erased) {
            this.youth = youth;
            this.erased = erased;
        }

        public boolean erased() {
            return erased;
        }

        public String open(String ciphertext) {
            if (erased || ciphertext == null) {
                return null;
            }
            return cipher.open(youth, new EncryptedValue(ciphertext)).orElse(null);
        }
    }
}
