package nl.koers.platform.crypto;

import nl.koers.events.common.YouthId;

import javax.crypto.SecretKey;
import java.util.Collection;
import java.util.Optional;

/**
 * One data key per youth. Destroying it erases every value sealed with it (crypto-shredding). The MongoDB
 * implementation wraps keys with a master key; a KMS (HSM, cloud key service) can implement this instead.
 */
public interface YouthKeyStore {

    /** The youth's key, created on first use. */
    SecretKey keyFor(YouthId youth);

    /**
     * Creates the keys of many new youths at once (bulk imports, bench and demo data); a youth that has a key keeps
     * it. The default creates them one by one.
     */
    default void createKeys(Collection<YouthId> youths) {
        youths.forEach(this::keyFor);
    }

    /** The youth's key if it exists and was not destroyed. */
    Optional<SecretKey> existingKey(YouthId youth);

    /** Destroys the key for good; returns false when there was none (already erased or never created). */
    boolean destroy(YouthId youth);
}
