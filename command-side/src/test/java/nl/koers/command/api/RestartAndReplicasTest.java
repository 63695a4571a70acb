package nl.koers.command.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import nl.koers.command.CommandSideTestApplication;
import nl.koers.platform.testing.EventTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Command sides that stop and start, or run side by side: an Idempotency-Key still answers after a restart, and
 * two replicas on one event store (each with its own in-process lock, so their appends really collide) neither
 * lose nor duplicate an event of a trajectory both write to.
 */
class RestartAndReplicasTest {
    private static final String CONTACT = """
            {"kind": "TALK", "contactOn": "2026-03-01"}""";

    private static ConfigurableApplicationContext start(String... properties) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--koers.demo-data=false"));
        for (String property : properties) {
            args.add("--" + property);
        }
        return new SpringApplicationBuilder(CommandSideTestApplication.class).run(args.toArray(String[]::new));
    }

    private static Http http(ConfigurableApplicationContext context) {
        return new Http(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    private static long count(ConfigurableApplicationContext context, String trajectory) throws Exception {
        return sequences(context, trajectory).size();
    }

    private static List<Long> sequences(ConfigurableApplicationContext context, String trajectory) {
        return new EventTable(context.getBean(DataSource.class)).sequences(trajectory);
    }

    @Test
    void anIdempotencyKeyAnswersTheSameAfterARestart(@TempDir Path dataDir) throws Exception {
        String open = Api.openBody("WK059910", "2025-09-01");
        HttpResponse<String> first;
        String trajectory;
        try (ConfigurableApplicationContext before = start("koers.data-dir=" + dataDir)) {
            first = http(before).post("jeugdwerker", "/api/trajectories", open, "Idempotency-Key", "restart-1");
            assertThat(first.statusCode()).isEqualTo(201);
            trajectory = new ObjectMapper().readTree(first.body()).get("trajectoryId").asText();
        }
        try (ConfigurableApplicationContext after = start("koers.data-dir=" + dataDir)) {
            HttpResponse<String> again = http(after).post("jeugdwerker", "/api/trajectories", open,
                    "Idempotency-Key", "restart-1");
            assertThat(again.statusCode()).isEqualTo(201);
            assertThat(again.body()).isEqualTo(first.body());
            assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
            assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
            assertThat(count(after, trajectory)).as("the opening and its caseworker, once").isEqualTo(2);

            HttpResponse<String> other = http(after).post("jeugdwerker", "/api/trajectories",
                    Api.openBody("WK059910", "2025-09-02"), "Idempotency-Key", "restart-1");
            assertThat(other.statusCode()).isEqualTo(422);
        }
    }

    @Test
    void twoReplicasWritingToOneTrajectoryNeitherLoseNorDuplicateAnEvent() throws Exception {
        String database = "koers_replicas_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String[] shared = {"spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
                "koers.mongo.in-memory=true",
                "koers.crypto.master-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                "koers.crypto.identity-key=c2VjcmV0LWlkZW50aXR5LWtleS1mb3ItdGVzdHM="};
        try (ConfigurableApplicationContext one = start(shared); ConfigurableApplicationContext two = start(shared)) {
            HttpResponse<String> opened = http(one).post("jeugdwerker", "/api/trajectories",
                    Api.openBody("WK059910", "2025-09-01"));
            String trajectory = new ObjectMapper().readTree(opened.body()).get("trajectoryId").asText();
            List<Http> replicas = List.of(http(one), http(two));

            int threads = 8;
            int perThread = 6;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Integer>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Http replica = replicas.get(t % 2);
                futures.add(pool.submit(() -> {
                    go.await();
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        statuses.add(replica.post("jeugdwerker", "/api/trajectories/" + trajectory + "/contacts",
                                CONTACT).statusCode());
                    }
                    return statuses;
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<List<Integer>> future : futures) {
                statuses.addAll(future.get());
            }
            pool.shutdownNow();

            // A collision is retried on fresh state; only one that keeps colliding reaches the client as 409.
            double retried = one.getBean(MeterRegistry.class).counter("koers.command.concurrency.retries").count()
                    + two.getBean(MeterRegistry.class).counter("koers.command.concurrency.retries").count();
            assertThat(statuses).as("answers after %s retries", retried).allSatisfy(status ->
                    assertThat(status).isIn(201, 409));
            long created = statuses.stream().filter(status -> status == 201).count();
            assertThat(created).isGreaterThan(0);
            // after the opening (0) and its caseworker (1)
            assertThat(sequences(one, trajectory)).containsExactlyElementsOf(
                    LongStream.rangeClosed(0, 1 + created).boxed().toList());
        }
    }
}
