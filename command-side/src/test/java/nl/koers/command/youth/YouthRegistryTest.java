package nl.koers.command.youth;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import nl.koers.events.common.TrajectoryId;
import nl.koers.events.trajectory.ClosureReason;
import nl.koers.events.trajectory.TrajectoryClosed;
import nl.koers.platform.mongo.EmbeddedMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** One open trajectory per youth, decided by the command side's own lookup table (never the query side). */
class YouthRegistryTest {
    private static EmbeddedMongo mongo;
    private static MongoClient client;
    private YouthRegistry registry;
    private String identity;

    @BeforeAll
    static void startMongo() {
        mongo = EmbeddedMongo.inMemory();
        client = MongoClients.create(mongo.connectionString());
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        mongo.close();
    }

    @BeforeEach
    void setUp() {
        registry = new YouthRegistry(client.getDatabase("registry_" + UUID.randomUUID().toString().substring(0, 8)));
        identity = "hash-of-" + UUID.randomUUID();
    }

    @Test
    void aSecondTrajectoryWhileOneIsOpenIsRefused() {
        TrajectoryId first = TrajectoryId.newId();
        YouthRegistry.Claim granted = registry.claim(identity, first);
        YouthRegistry.Claim refused = registry.claim(identity, TrajectoryId.newId());

        assertThat(granted.granted()).isTrue();
        assertThat(refused.granted()).isFalse();
        assertThat(refused.openTrajectory()).contains(first);
        assertThat(refused.youthId()).isEqualTo(granted.youthId());
    }

    @Test
    void closingFreesTheYouthForANewTrajectoryUnderTheSameId() {
        TrajectoryId first = TrajectoryId.newId();
        YouthRegistry.Claim granted = registry.claim(identity, first);
        registry.on(new TrajectoryClosed(first, LocalDate.of(2026, 3, 1), ClosureReason.GOALS_REACHED, "jeugdwerker"));
        registry.on(new TrajectoryClosed(first, LocalDate.of(2026, 3, 1), ClosureReason.GOALS_REACHED, "jeugdwerker"));

        YouthRegistry.Claim again = registry.claim(identity, TrajectoryId.newId());
        assertThat(again.granted()).isTrue();
        assertThat(again.youthId()).isEqualTo(granted.youthId());
    }

    @Test
    void aFailedOpeningGivesTheSlotBack() {
        TrajectoryId failed = TrajectoryId.newId();
        registry.claim(identity, failed);
        registry.release(identity, failed);

        assertThat(registry.claim(identity, TrajectoryId.newId()).granted()).isTrue();
    }

    @Test
    void ofSimultaneousOpeningsForOneYouthExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<YouthRegistry.Claim>> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            claims.add(pool.submit(() -> {
                go.await();
                return registry.claim(identity, TrajectoryId.newId());
            }));
        }
        go.countDown();
        int granted = 0;
        for (Future<YouthRegistry.Claim> claim : claims) {
            granted += claim.get().granted() ? 1 : 0;
        }
        pool.shutdownNow();
        assertThat(granted).isEqualTo(1);
    }
}
