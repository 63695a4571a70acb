package nl.koers.app;

import com.fasterxml.jackson.databind.JsonNode;
import nl.koers.platform.testing.EventTable;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an operator's bad day does to Koers, end to end in child JVMs on one data folder: a crash between recording
 * a command and keeping its idempotent answer, a backup restored after an erasure, a kill during a view rebuild
 * (reads stay complete throughout).
 */
class HardeningScenariosTest {
    private static final String SUMMARY = "trajectory-summary";
    private static final String CONTACT = "{\"kind\":\"TALK\",\"contactOn\":\"2026-01-20\"}";
    private static final String OPENING = """
            {"neighbourhood":"WK059912","openedOn":"2026-01-15",
             "referral":{"source":"SCHOOL","reason":"verzuim"},
             "youth":{"givenName":"Sem","familyName":"Demo-Herstart","birthDate":"2012-02-02"}}""";

    @TempDir
    Path dir;

    /**
     * The process dies after the event was appended and before the idempotency record kept the answer. The client
     * never got an answer and retries with the same key and body once the record counts as abandoned: the retry
     * gets the original answer and the store holds the command once.
     */
    @Test
    void aRetryAfterACrashBetweenAppendAndAnswerRecordsOnce() throws Exception {
        Path log = dir.resolve("child.log");
        String trajectory;
        ChildKoers crashing = ChildKoers.start(dir, log, "--koers.test.crash-at=after-append");
        try {
            var opened = crashing.api.open("jeugdwerker", "WK059912", "Kees", "Demo-Herhaal", "2011-04-04");
            assertThat(opened.status()).isEqualTo(201);
            trajectory = opened.body().get("trajectoryId").asText();
            assertThatThrownBy(() -> crashing.api.post("jeugdwerker", "/api/trajectories/" + trajectory + "/contacts",
                    CONTACT, "Idempotency-Key", "contact-1")).isInstanceOf(IllegalStateException.class);
            assertThat(crashing.awaitExit(Duration.ofSeconds(30))).isEqualTo(137);
        } finally {
            crashing.close();
        }
        ChildKoers crashingAgain = ChildKoers.start(dir, log, "--koers.test.crash-at=after-append");
        try {
            assertThatThrownBy(() -> crashingAgain.api.post("jeugdwerker", "/api/trajectories", OPENING,
                    "Idempotency-Key", "opening-1")).isInstanceOf(IllegalStateException.class);
            assertThat(crashingAgain.awaitExit(Duration.ofSeconds(30))).isEqualTo(137);
        } finally {
            crashingAgain.close();
        }

        String reopened;
        try (ChildKoers koers = ChildKoers.start(dir, log, "--koers.idempotency.abandoned-after=PT0S")) {
            var contact = koers.api.post("jeugdwerker", "/api/trajectories/" + trajectory + "/contacts", CONTACT,
                    "Idempotency-Key", "contact-1");
            assertThat(contact.status()).isEqualTo(201);
            assertThat(contact.body().get("version").asLong()).as("the version the first attempt made").isEqualTo(2);

            var opening = koers.api.post("jeugdwerker", "/api/trajectories", OPENING, "Idempotency-Key", "opening-1");
            assertThat(opening.status()).as("%s", opening.body()).isEqualTo(201);
            reopened = opening.body().get("trajectoryId").asText();
            assertThat(opening.body().get("version").asLong()).as("opened with its caseworker").isEqualTo(1);
            assertThat(opening.location()).isEqualTo("/api/trajectories/" + reopened);

            var replayed = koers.api.post("jeugdwerker", "/api/trajectories", OPENING, "Idempotency-Key", "opening-1");
            assertThat(replayed.body()).isEqualTo(opening.body());
        }

        EventTable events = eventTable();
        assertThat(events.of(trajectory)).extracting(EventTable.StoredEvent::simpleType)
                .containsExactly("TrajectoryOpened", "CaseworkerAssigned", "ContactRecorded");
        List<EventTable.StoredEvent> openings = events.all().stream()
                .filter(e -> e.simpleType().equals("TrajectoryOpened")).toList();
        assertThat(openings).hasSize(2);
        assertThat(openings).extracting(EventTable.StoredEvent::aggregateId).contains(reopened);
    }

    /**
     * A backup of the data folder taken before an erasure (the key folder is not in it) is restored afterwards,
     * with the key material of after the erasure: the erased youth's name is not readable through any endpoint.
     */
    @Test
    void aBackupRestoredAfterAnErasureDoesNotBringTheYouthBack() throws Exception {
        Path log = dir.resolve("child.log");
        String trajectory;
        String youth;
        try (ChildKoers koers = ChildKoers.start(dir, log)) {
            var opened = koers.api.open("jeugdwerker", "WK059912", "Saartje", "Demo-Terugzet", "2011-07-07");
            trajectory = opened.body().get("trajectoryId").asText();
            youth = opened.body().get("youthId").asText();
            assertThat(koers.api.awaitContaining("jeugdwerker", "/api/trajectories/" + trajectory, "Demo-Terugzet")
                    .status()).isEqualTo(200);
        }
        Path backup = dir.resolve("backup");
        copy(dir.resolve("data"), backup);

        try (ChildKoers koers = ChildKoers.start(dir, log)) {
            assertThat(koers.api.post("beheerder", "/api/youths/" + youth + "/erasure",
                    "{\"reason\":\"verzoek van de jongere\"}").status()).isEqualTo(202);
        }
        delete(dir.resolve("data"));
        copy(backup, dir.resolve("data"));

        try (ChildKoers restored = ChildKoers.start(dir, log)) {
            for (String path : List.of("/api/trajectories/" + trajectory, "/api/trajectories/" + trajectory
                    + "/history", "/api/trajectories?focusArea=FA03")) {
                var answer = restored.api.get("jeugdwerker", path);
                assertThat(String.valueOf(answer.body())).as("%s after restoring the backup", path)
                        .doesNotContain("Saartje").doesNotContain("Demo-Terugzet");
            }
        }
    }

    /**
     * A view rebuild killed with SIGKILL part-way: before the kill, after the restart while the rebuild goes on,
     * and after it has finished, every trajectory reads complete (the rebuild fills a fresh generation of the view
     * and readers switch only once it has caught up). Each replayed event takes 100 ms
     * ({@code koers.test.replay-pause}), so that the rebuild is still running when it is read and killed.
     */
    @Test
    void aViewRebuildKilledPartWayNeverShowsAPartialViewAndCompletesAfterARestart() throws Exception {
        Path log = dir.resolve("child.log");
        String slowRebuild = "--koers.test.replay-pause=PT0.1S";
        List<String> trajectories = new ArrayList<>();
        Map<String, JsonNode> complete = new LinkedHashMap<>();
        ChildKoers koers = ChildKoers.start(dir, log, slowRebuild);
        try {
            for (int i = 0; i < 40; i++) {
                var opened = koers.api.open("jeugdwerker", "WK059912", "Kind" + i, "Demo-Herbouw",
                        "2011-0" + (1 + i % 9) + "-1" + (i % 10));
                assertThat(opened.status()).isEqualTo(201);
                String id = opened.body().get("trajectoryId").asText();
                assertThat(koers.api.post("jeugdwerker", "/api/trajectories/" + id + "/contacts", CONTACT).status())
                        .isEqualTo(201);
                trajectories.add(id);
            }
            for (String id : trajectories) {
                var read = koers.api.get("jeugdwerker", "/api/trajectories/" + id + "?minVersion=2");
                assertThat(read.body().get("minVersionReached").asBoolean()).isTrue();
            }
            complete.putAll(readAll(koers, trajectories));
            assertThat(koers.api.post("beheerder", "/api/admin/views/" + SUMMARY + "/rebuild", "").status())
                    .isEqualTo(202);
            assertThat(readAll(koers, trajectories)).as("reads during the rebuild").isEqualTo(complete);
            assertThat(rebuilding(koers)).as("still rebuilding when killed").isTrue();
            koers.kill();
        } finally {
            koers.close();
        }

        try (ChildKoers restarted = ChildKoers.start(dir, log, slowRebuild)) {
            assertThat(rebuilding(restarted)).as("the rebuild goes on after the restart").isTrue();
            assertThat(readAll(restarted, trajectories)).as("reads while the rebuild goes on").isEqualTo(complete);
            Instant deadline = Instant.now().plusSeconds(90);
            while (!rebuilt(restarted) && Instant.now().isBefore(deadline)) {
                assertThat(readAll(restarted, trajectories)).as("reads until it has finished").isEqualTo(complete);
            }
            assertThat(rebuilt(restarted)).as("the rebuild completed after the restart").isTrue();
            assertThat(readAll(restarted, trajectories)).as("reads after the rebuild").isEqualTo(complete);
        }
    }

    /** What every trajectory's summary reads now; fails at once on anything but a 200. */
    private static Map<String, JsonNode> readAll(ChildKoers koers, List<String> trajectories) {
        Map<String, JsonNode> seen = new LinkedHashMap<>();
        for (String id : trajectories) {
            var read = koers.api.get("jeugdwerker", "/api/trajectories/" + id);
            assertThat(read.status()).as("trajectory %s during or after a rebuild", id).isEqualTo(200);
            seen.put(id, read.body());
        }
        return seen;
    }

    private static boolean rebuilding(ChildKoers koers) {
        return summaryStatus(koers).get("rebuilding").asBoolean();
    }

    private static boolean rebuilt(ChildKoers koers) {
        JsonNode view = summaryStatus(koers);
        return !view.get("rebuilding").asBoolean() && view.get("lag").asLong(-1) == 0;
    }

    private static JsonNode summaryStatus(ChildKoers koers) {
        for (JsonNode view : koers.api.get("beheerder", "/api/admin/views").body()) {
            if (view.get("processor").asText().equals(SUMMARY)) {
                return view;
            }
        }
        throw new IllegalStateException("no processor " + SUMMARY);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** The event table of the children's H2 file; read once they have stopped (H2 locks its file). */
    private EventTable eventTable() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("data").resolve("events") + ";ACCESS_MODE_DATA=r");
        dataSource.setUser("sa");
        return new EventTable(dataSource);
    }
}
