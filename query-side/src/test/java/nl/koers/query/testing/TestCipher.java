package nl.koers.query.testing;

import com.mongodb.client.MongoDatabase;
import nl.koers.platform.crypto.KeyMaterial;
import nl.koers.platform.crypto.MongoYouthKeyStore;
import nl.koers.platform.crypto.PersonalDataCipher;
import nl.koers.platform.crypto.YouthKeyStore;

import javax.crypto.spec.SecretKeySpec;
import java.security.SecureRandom;

/** A cipher with youth keys in the given database, wrapped by a random master key. */
public final class TestCipher {
    private TestCipher() {
    }

    public static PersonalDataCipher in(MongoDatabase database) {
        return new PersonalDataCipher(keyStore(database));
    }

    public static YouthKeyStore keyStore(MongoDatabase database) {
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        return new MongoYouthKeyStore(database, new KeyMaterial(new SecretKeySpec(master, "AES"), new byte[32]));
    }
}
