package nl.koers.app.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.koers.app.KoersApplication;
import nl.koers.events.common.BusinessCalendar;
import nl.koers.events.common.TrajectoryEvent;
import nl.koers.platform.testing.EventTable;
import nl.koers.platform.testing.TestStores;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Demo data is recorded over time, as real use would record it: the log's timestamps rise in its global order and
 * span months, nothing is recorded before it happened, and looking back a month or a week shows a different, and
 * not an empty, picture.
 */
@SpringBootTest(classes = KoersApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataOverTimeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    DemoScenario scenario;
    @Autowired
    DataSource dataSource;
    @Autowired
    EventStore eventStore;
    private final HttpClient http = HttpClient.newHttpClient();
    private List<EventTable.StoredEvent> log;
    private Set<String> trajectories;

    @BeforeAll
    void loadDemoData() {
        assertThat(scenario.load(3)).isEqualTo(60);
        log = new EventTable(dataSource).all();
        trajectories = new LinkedHashSet<>();
        log.stream().filter(e -> "Trajectory".equals(e.aggregateType())).forEach(e -> trajectories.add(e.aggregateId()));
        await().atMost(Duration.ofSeconds(60)).until(() -> trajectories.stream().allMatch(id ->
                get("/api/trajectories/" + id).statusCode() == 200));
    }

    @Test
    void theLogsTimestampsRiseInItsOrderAndSpanMonthsUpToNow() {
        List<Instant> stamps = log.stream().map(e -> Instant.parse(e.timestamp())).toList();
        for (int i = 1; i < stamps.size(); i++) {
            assertThat(stamps.get(i)).as("event %d of the log", i).isAfterOrEqualTo(stamps.get(i - 1));
        }
        assertThat(stamps.get(0)).isBefore(Instant.now().minus(Duration.ofDays(365)));
        assertThat(stamps.get(stamps.size() - 1)).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void nothingIsRecordedBeforeItHappened() {
        for (String trajectory : trajectories) {
            eventStore.readEvents(trajectory, 0).asStream().forEach(event -> {
                LocalDate recorded = LocalDate.ofInstant(event.getTimestamp(), BusinessCalendar.ZONE);
                TrajectoryEvent fact = (TrajectoryEvent) event.getPayload();
                assertThat(recorded).as(fact.getClass().getSimpleName()).isAfterOrEqualTo(fact.occurredOn());
            });
        }
    }

    @Test
    void lookingBackAMonthOrAWeekShowsADifferentPictureThatIsNotEmpty() throws Exception {
        for (Duration back : List.of(Duration.ofDays(30), Duration.ofDays(7))) {
            Instant then = Instant.now().minus(back);
            int known = 0;
            int changedSince = 0;
            for (String trajectory : trajectories) {
                HttpResponse<String> past = get("/api/trajectories/" + trajectory + "?knownAt=" + then);
                if (past.statusCode() == 200) {
                    known++;
                    long pastVersion = JSON.readTree(past.body()).get("version").asLong();
                    long nowVersion = JSON.readTree(get("/api/trajectories/" + trajectory).body()).get("version")
                            .asLong();
                    changedSince += pastVersion < nowVersion ? 1 : 0;
                } else {
                    assertThat(past.statusCode()).as("not recorded yet then").isEqualTo(404);
                }
            }
            assertThat(known).as("trajectories known %s ago", back).isGreaterThan(trajectories.size() / 2);
            assertThat(changedSince).as("trajectories recorded on since %s ago", back).isPositive();
        }
        String day = LocalDate.now(BusinessCalendar.ZONE).minusMonths(1).toString();
        int entriesThen = 0;
        int entriesNow = 0;
        for (String trajectory : trajectories) {
            entriesThen += JSON.readTree(get("/api/trajectories/" + trajectory + "/history?knownAt=" + day).body())
                    .get("entries").size();
            entriesNow += JSON.readTree(get("/api/trajectories/" + trajectory + "/history").body())
                    .get("entries").size();
        }
        assertThat(entriesThen).as("history entries known a month ago").isPositive().isLessThan(entriesNow);
    }

    private HttpResponse<String> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("liaison:koers-demo".getBytes(StandardCharsets.UTF_8)))
                .header("X-Purpose", "demo data test").build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
