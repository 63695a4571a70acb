package nl.koers.platform.accesslog;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import nl.koers.platform.mongo.EmbeddedMongo;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many readers at once: every read is in the access log, once, as one unbroken chain, also when two instances
 * (two replicas) append to the same log at the same time.
 */
class AccessLogConcurrencyTest {
    private static final int THREADS = 8;
    private static final int READS_PER_THREAD = 40;

    @Test
    void concurrentReadsOfTwoReplicasFormOneUnbrokenChainWithEveryReadOnce() throws Exception {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory();
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoDatabase database = client.getDatabase("koers");
            AccessLog replicaA = new AccessLog(database, Clock.systemUTC());
            AccessLog replicaB = new AccessLog(database, Clock.systemUTC());
            ExecutorService readers = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                AccessLog log = t % 2 == 0 ? replicaA : replicaB;
                String user = "reader-" + t;
                done.add(readers.submit(() -> {
                    for (int i = 0; i < READS_PER_THREAD; i++) {
                        if (i % 10 == 9) {
                            log.grantedEach(user, "LIAISON", "SEARCH", List.of(new AccessLog.Read("t-" + i, "y-a"),
                                    new AccessLog.Read("t-" + i, "y-b")), "search");
                        } else if (i % 10 == 5) {
                            log.refused(user, "YOUTH_WORKER", "READ_HISTORY", "/api/trajectories/t-" + i,
                                    "t-" + i, "y-" + i, null, 403);
                        } else {
                            log.granted(user, "YOUTH_WORKER", "READ_HISTORY", "/api/trajectories/t-" + i,
                                    "t-" + i, "y-" + i, null);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            readers.shutdown();

            ByteArrayOutputStream export = new ByteArrayOutputStream();
            long exported = replicaA.export(1, Long.MAX_VALUE, export);
            List<AccessLogLink> chain = export.toString(StandardCharsets.UTF_8).lines().map(AccessLogLink::parse)
                    .toList();
            int expected = THREADS * READS_PER_THREAD + THREADS * (READS_PER_THREAD / 10); // a search logs two rows
            assertThat(exported).isEqualTo(expected);
            AccessLogLink previous = null;
            for (AccessLogLink link : chain) {
                assertThat(link.hash()).as("entry %d hashes what it holds", link.sequence())
                        .isEqualTo(link.computeHash());
                if (previous != null) {
                    assertThat(link.sequence()).isEqualTo(previous.sequence() + 1);
                    assertThat(link.previousHash()).as("entry %d links to the one before", link.sequence())
                            .isEqualTo(previous.hash());
                }
                previous = link;
            }
            assertThat(chain.get(0).sequence()).isEqualTo(1);
            for (int t = 0; t < THREADS; t++) {
                String user = "reader-" + t;
                assertThat(chain.stream().filter(link -> link.user().equals(user)).count())
                        .as("every read of %s, once", user).isEqualTo(READS_PER_THREAD + READS_PER_THREAD / 10);
            }
        }
    }
}
