package nl.koers.app.bench;

import nl.koers.events.common.YouthId;
import nl.koers.platform.crypto.PersonalDataCipher;
import nl.koers.platform.crypto.YouthKeyStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query benchmark run again on its folder reads the trajectories the log already holds instead of appending as
 * many again: every trajectory appended before is found, in the log's order, and an empty log holds none.
 */
class StoredTrajectoriesTest {
    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();

    @AfterEach
    void stop() {
        store.shutDown();
    }

    @Test
    void findsEveryTrajectoryOpenedInTheLogInItsOrder() {
        BenchData generated = new BenchData(new PersonalDataCipher(new KeysInMemory()), 7);
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

    /** A key per youth, kept in memory: enough to seal the synthetic personal data. */
    private static final class KeysInMemory implements YouthKeyStore {
        private final Map<String, SecretKey> keys = new ConcurrentHashMap<>();

        @Override
        public SecretKey keyFor(YouthId youth) {
            return keys.computeIfAbsent(youth.value(), id -> {
                try {
                    KeyGenerator generator = KeyGenerator.getInstance("AES");
                    generator.init(256);
                    return generator.generateKey();
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        @Override
        public Optional<SecretKey> existingKey(YouthId youth) {
            return Optional.ofNullable(keys.get(youth.value()));
        }

        @Override
        public boolean destroy(YouthId youth) {
            return keys.remove(youth.value()) != null;
        }
    }
}
