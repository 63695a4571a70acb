package nl.koers.app.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import nl.koers.platform.crypto.KeyMaterial;
import nl.koers.platform.crypto.MongoYouthKeyStore;
import nl.koers.platform.crypto.PersonalDataCipher;
import nl.koers.platform.mongo.EmbeddedMongo;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query benchmark run again on its folder reads the trajectories the log already holds instead of appending as
 * many again: every trajectory appended before is found, in the log's order, and an empty log holds none.
 */
class StoredTrajectoriesTest {
    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final EmbeddedMongo mongo = EmbeddedMongo.inMemory();
    private final MongoClient client = MongoClients.create(mongo.connectionString());

    @AfterEach
    void stop() {
        store.shutDown();
        client.close();
        mongo.close();
    }

    @Test
    void findsEveryTrajectoryOpenedInTheLogInItsOrder() {
        PersonalDataCipher cipher = new PersonalDataCipher(new MongoYouthKeyStore(client.getDatabase("keys"),
                new KeyMaterial(new SecretKeySpec(new byte[32], "AES"), new byte[32])));
        BenchData generated = new BenchData(cipher, 7);
        long appended = generated.append(store, 3_000);

        assertThat(appended).isGreaterThanOrEqualTo(3_000);
        assertThat(generated.trajectoryIds()).hasSizeGreaterThan(10);
        StoredTrajectories.Found found = StoredTrajectories.in(store);
        assertThat(found.trajectories()).containsExactlyElementsOf(generated.trajectoryIds());
        assertThat(found.events()).isEqualTo(appended);
    }

    @Test
    void anEmptyLogHoldsNoTrajectory() {
        assertThat(StoredTrajectories.in(store)).isEqualTo(new StoredTrajectories.Found(0, List.of()));
    }
}
