package nl.koers.platform.crypto;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import nl.koers.events.common.EncryptedValue;
import nl.koers.events.common.YouthId;
import nl.koers.platform.config.KoersProperties;
import nl.koers.platform.mongo.EmbeddedMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Erasure holds against copies made before it: a backup of the data folder (which holds no keys) still contains
 * the erased youth's wrapped key — MongoDB's file keeps deleted documents in old chunks anyway — but after the
 * erasure no key material exists any more that unwraps it. The other youths stay readable, also after a crash in
 * the middle of the master key rotation.
 */
class ErasureOutlivesBackupsTest {
    @TempDir
    Path root;

    @Test
    void aBackupFromBeforeAnErasureCannotBeReadWithTheCurrentKeys() throws Exception {
        Path data = root.resolve("data");
        YouthId erased = YouthId.newId();
        YouthId kept = YouthId.newId();
        EncryptedValue erasedName = withCipher(data, cipher -> cipher.seal(erased, "Sem de Vries"));
        EncryptedValue keptName = withCipher(data, cipher -> cipher.seal(kept, "Noor Bakker"));
        assertThat(data.resolve("keys")).doesNotExist();

        Path backup = root.resolve("backup");
        copy(data, backup);
        assertThat(opened(backup, erased, erasedName)).contains("Sem de Vries");
        copy(data, backup); // the check above used the backup; take it afresh

        withStore(data, store -> store.destroy(erased));

        Object fromBackup = withCipher(backup, cipher -> {
            Throwable refused = catchThrowable(() -> cipher.open(erased, erasedName));
            return refused != null ? refused : cipher.open(erased, erasedName);
        });
        assertThat(fromBackup).isNotEqualTo(Optional.of("Sem de Vries"));
        assertThat(fromBackup).isInstanceOf(IllegalStateException.class);
        assertThat(opened(data, erased, erasedName)).isEmpty();
        assertThat(opened(data, kept, keptName)).contains("Noor Bakker");
        assertThat(Files.readString(keyFolder().resolve("master.key"))).isNotBlank();
        assertThat(keyFolder().resolve("master.next.key")).doesNotExist();
    }

    @Test
    void aRotationInterruptedByACrashIsFinishedAtTheNextStart() throws Exception {
        Path data = root.resolve("data");
        YouthId kept = YouthId.newId();
        EncryptedValue keptName = withCipher(data, cipher -> cipher.seal(kept, "Noor Bakker"));
        String oldMaster = Files.readString(keyFolder().resolve("master.key"));

        // a crash right after the new master key was written: the old one still wraps every youth key
        MasterKeys.inFolder(new KeyFolder(keyFolder())).beginRotation();

        assertThat(opened(data, kept, keptName)).contains("Noor Bakker");
        assertThat(keyFolder().resolve("master.next.key")).doesNotExist();
        assertThat(Files.readString(keyFolder().resolve("master.key"))).isNotEqualTo(oldMaster);
    }

    @Test
    void keysThatOlderVersionsKeptInTheDataFolderMoveOut() throws Exception {
        Path data = root.resolve("data");
        Files.createDirectories(data.resolve("keys"));
        Files.writeString(data.resolve("keys/master.key"), "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        Files.writeString(data.resolve("keys/identity.key"), "c2VjcmV0LWlkZW50aXR5LWtleS1mb3ItdGVzdHM=");

        KeyMaterial.from(properties(data), keyFolder().toString());

        assertThat(data.resolve("keys")).doesNotExist();
        assertThat(Files.readString(keyFolder().resolve("master.key")))
                .isEqualTo("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    }

    private Path keyFolder() {
        return root.resolve("keys");
    }

    private Optional<String> opened(Path data, YouthId youth, EncryptedValue value) {
        return withCipher(data, cipher -> cipher.open(youth, value));
    }

    private <T> T withCipher(Path data, Function<PersonalDataCipher, T> work) {
        return withStore(data, store -> work.apply(new PersonalDataCipher(store)));
    }

    /** A key store as Koers builds it: the MongoDB file in the data folder, the keys in the current key folder. */
    private <T> T withStore(Path data, Function<MongoYouthKeyStore, T> work) {
        try (EmbeddedMongo mongo = EmbeddedMongo.fileBacked(data.resolve("mongo.mv"));
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            KeyMaterial material = KeyMaterial.from(properties(data), keyFolder().toString());
            return work.apply(new MongoYouthKeyStore(client.getDatabase("koers"), material));
        }
    }

    private static KoersProperties properties(Path data) {
        return new KoersProperties("embedded", data, "jdbc", new KoersProperties.Mongo(null, "koers", false),
                new KoersProperties.Crypto(null, null),
                new KoersProperties.Oidc("koers_role", "koers_areas", "preferred_username"));
    }

    private static void copy(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> old = Files.walk(to)) {
                old.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
    }
}
