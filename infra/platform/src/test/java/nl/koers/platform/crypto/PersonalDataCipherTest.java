package nl.koers.platform.crypto;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import nl.koers.events.common.EncryptedValue;
import nl.koers.events.common.YouthId;
import nl.koers.platform.mongo.EmbeddedMongo;
import nl.koers.platform.testing.MutableClock;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataCipherTest {
    private static final byte[] MASTER = new byte[32];
    private EmbeddedMongo mongo;
    private MongoClient client;
    private MongoDatabase database;
    private PersonalDataCipher cipher;
    private final YouthId youth = YouthId.newId();

    @BeforeEach
    void start() {
        mongo = EmbeddedMongo.inMemory();
        client = MongoClients.create(mongo.connectionString());
        database = client.getDatabase("crypto_test");
        cipher = new PersonalDataCipher(new MongoYouthKeyStore(database,
                new KeyMaterial(new SecretKeySpec(MASTER, "AES"), new byte[32])));
    }

    @AfterEach
    void stop() {
        client.close();
        mongo.close();
    }

    @Test
    void aSealedValueOpensWithTheYouthsKeyAndShowsNoPlaintext() {
        EncryptedValue sealed = cipher.seal(youth, "Sem de Vries");
        assertThat(sealed.ciphertext()).doesNotContain("Sem");
        assertThat(new String(Base64.getDecoder().decode(sealed.ciphertext()))).doesNotContain("Sem");
        assertThat(cipher.open(youth, sealed)).contains("Sem de Vries");
        assertThat(cipher.erased(youth)).isFalse();
    }

    @Test
    void keysMadeInBulkSealAndOpenAsAnyOtherAndAnExistingKeyIsKept() {
        EncryptedValue before = cipher.seal(youth, "Sem");
        YouthId first = YouthId.newId();
        YouthId second = YouthId.newId();
        cipher.prepareKeys(List.of(youth, first, second, first));
        EncryptedValue sealed = cipher.seal(second, "Noor");
        PersonalDataCipher fresh = new PersonalDataCipher(new MongoYouthKeyStore(database,
                new KeyMaterial(new SecretKeySpec(MASTER, "AES"), new byte[32])));
        assertThat(fresh.open(youth, before)).contains("Sem");
        assertThat(fresh.open(second, sealed)).contains("Noor");
        assertThat(database.getCollection(MongoYouthKeyStore.COLLECTION).countDocuments()).isEqualTo(3);

        // a second store that does not know of the first's keys: their documents stay as they are
        PersonalDataCipher other = new PersonalDataCipher(new MongoYouthKeyStore(database,
                new KeyMaterial(new SecretKeySpec(MASTER, "AES"), new byte[32])));
        YouthId third = YouthId.newId();
        other.prepareKeys(List.of(second, third));
        assertThat(other.open(second, sealed)).contains("Noor");
        assertThat(other.open(third, other.seal(third, "Daan"))).contains("Daan");
        assertThat(database.getCollection(MongoYouthKeyStore.COLLECTION).countDocuments()).isEqualTo(4);
    }

    @Test
    void theSameValueSealsDifferentlyEachTime() {
        assertThat(cipher.seal(youth, "Sem").ciphertext()).isNotEqualTo(cipher.seal(youth, "Sem").ciphertext());
    }

    @Test
    void aValueCannotBeMovedToAnotherYouth() {
        EncryptedValue sealed = cipher.seal(youth, "Sem");
        YouthId other = YouthId.newId();
        cipher.seal(other, "anything"); // gives the other youth a key
        assertThatThrownBy(() -> cipher.open(other, sealed)).isInstanceOf(IllegalStateException.class);
    }

    /** The thread's cipher is set up afresh for every value: a value that failed to verify leaves nothing behind. */
    @Test
    void aValueThatFailsToVerifyDoesNotSpoilTheNextOnTheSameThread() {
        EncryptedValue sealed = cipher.seal(youth, "Sem");
        byte[] bytes = java.util.Base64.getDecoder().decode(sealed.ciphertext());
        bytes[bytes.length - 1] ^= 1; // a bit of the authentication tag
        EncryptedValue tampered = new EncryptedValue(java.util.Base64.getEncoder().encodeToString(bytes));
        assertThatThrownBy(() -> cipher.open(youth, tampered)).isInstanceOf(IllegalStateException.class);
        assertThat(cipher.open(youth, sealed)).contains("Sem");
        assertThat(cipher.open(youth, cipher.seal(youth, "Noor"))).contains("Noor");
    }

    @Test
    void destroyingTheKeyErasesEveryValueOfThatYouthOnly() {
        EncryptedValue name = cipher.seal(youth, "Sem");
        YouthId other = YouthId.newId();
        EncryptedValue otherName = cipher.seal(other, "Noor");
        new MongoYouthKeyStore(database, new KeyMaterial(new SecretKeySpec(MASTER, "AES"), new byte[32]))
                .destroy(youth);
        // the cipher's own cache must not keep the key alive: a fresh store shares the collection
        PersonalDataCipher fresh = new PersonalDataCipher(new MongoYouthKeyStore(database,
                new KeyMaterial(new SecretKeySpec(MASTER, "AES"), new byte[32])));
        assertThat(fresh.open(youth, name)).isEmpty();
        assertThat(fresh.erased(youth)).isTrue();
        assertThat(fresh.open(other, otherName)).contains("Noor");
    }

    @Test
    void aReplicaThatHeldTheKeyStopsOpeningAnErasedYouthsDataWithinAMinute() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        PersonalDataCipher replica = new PersonalDataCipher(new MongoYouthKeyStore(database,
                new KeyMaterial(new SecretKeySpec(MASTER, "AES"), new byte[32]), clock));
        EncryptedValue name = cipher.seal(youth, "Sem");
        assertThat(replica.open(youth, name)).contains("Sem"); // the replica now holds the key in memory

        new MongoYouthKeyStore(database, new KeyMaterial(new SecretKeySpec(MASTER, "AES"), new byte[32]))
                .destroy(youth);
        clock.set(Instant.parse("2026-12-01T10:01:01Z"));

        assertThat(replica.open(youth, name)).isEmpty();
        assertThat(replica.erased(youth)).isTrue();
    }

    @Test
    void storedKeysAreWrappedNotRaw() {
        cipher.seal(youth, "Sem");
        Document stored = database.getCollection(MongoYouthKeyStore.COLLECTION).find().first();
        assertThat(stored.getString("_id")).isEqualTo(youth.value());
        byte[] wrapped = Base64.getDecoder().decode(stored.getString("wrappedKey"));
        assertThat(wrapped.length).isEqualTo(12 + 32 + 16); // nonce, key, GCM tag
    }
}
