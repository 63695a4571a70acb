package nl.koers.app;

import nl.koers.platform.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command answered with success survives {@code kill -9} of the process right after the answer: the child
 * JVM is killed the moment the last 201 arrives, restarted on the same data, and every trajectory must still be
 * there — events (H2 file or PostgreSQL), youth keys and the registry (file-backed MongoDB) alike.
 */
class DurabilityAfterKillTest {
    private static final int COMMANDS = 12;

    @TempDir
    Path dataDir;

    @Test
    void acknowledgedCommandsSurviveKillOnTheEmbeddedDefault() throws Exception {
        assertEverythingSurvives();
    }

    @Test
    @EnabledIf("nl.koers.platform.testing.TestStores#postgresReachable")
    void acknowledgedCommandsSurviveKillWithPostgres() throws Exception {
        String url = TestStores.freshPostgresSchema();
        assertEverythingSurvives("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + TestStores.POSTGRES_USER);
    }

    private void assertEverythingSurvives(String... args) throws Exception {
        Path log = dataDir.resolve("child.log");
        List<String> acknowledged = new ArrayList<>();
        ChildKoers first = ChildKoers.start(dataDir, log, args);
        try {
            for (int i = 0; i < COMMANDS; i++) {
                var opened = first.api.open("jeugdwerker", "WK059912", "Kind" + i, "Demo-Duurzaam",
                        "2010-0" + (1 + i % 9) + "-1" + (i % 10));
                assertThat(opened.status()).isEqualTo(201);
                acknowledged.add(opened.body().get("trajectoryId").asText());
            }
        } finally {
            first.kill();
        }

        try (ChildKoers second = ChildKoers.start(dataDir, log, args)) {
            for (int i = 0; i < acknowledged.size(); i++) {
                var read = second.api.awaitTrajectory("jeugdwerker", acknowledged.get(i));
                assertThat(read.status()).as("trajectory %d of %d after kill -9", i + 1, COMMANDS).isEqualTo(200);
                assertThat(read.body().at("/youth/givenName").asText()).isEqualTo("Kind" + i);
            }
            // the registry survived too: the same youth cannot get a second open trajectory
            var again = second.api.open("jeugdwerker", "WK059912", "Kind0", "Demo-Duurzaam", "2010-01-10");
            assertThat(again.status()).isEqualTo(409);
        }
    }
}
