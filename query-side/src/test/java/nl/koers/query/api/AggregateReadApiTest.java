package nl.koers.query.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.koers.events.contact.ContactRecorded;
import nl.koers.events.detention.DetentionStarted;
import nl.koers.events.detention.DetentionType;
import nl.koers.events.trajectory.ClosureReason;
import nl.koers.events.trajectory.TrajectoryClosed;
import nl.koers.query.testing.Api;
import nl.koers.query.testing.IntegrationTest;
import nl.koers.query.testing.TrajectoryStory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static nl.koers.query.testing.TrajectoryStory.WORKER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Caseload, outcomes and reference data over HTTP, for every role, and the live caseload stream. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AggregateReadApiTest extends IntegrationTest {
    /** "Today" in these tests: see QueryTestApplication. */
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private Api api;
    @Autowired
    private MeterRegistry meters;

    @BeforeAll
    void publishTrajectories() {
        api = api();
        TrajectoryStory[] stories = new TrajectoryStory[8];
        for (int i = 0; i < 6; i++) {
            stories[i] = TrajectoryStory.opened(cipher, "WK059910", TODAY.minusDays(10 + i))
                    .then(s -> new ContactRecorded(s.id(), "TALK", TODAY.minusDays(2), null, WORKER));
        }
        stories[6] = TrajectoryStory.opened(cipher, "WK059915", TODAY.minusDays(100))
                .then(s -> new DetentionStarted(s.id(), DetentionType.PRE_TRIAL, "JJI", TODAY.minusDays(9), WORKER));
        stories[7] = TrajectoryStory.opened(cipher, "WK059915", TODAY.minusDays(100))
                .then(s -> new TrajectoryClosed(s.id(), TODAY.minusDays(5), ClosureReason.MOVED, WORKER));
        publish(stories);
        awaitViews();
    }

    @Test
    void analystsAndTheAreasOwnWorkersReadTheCaseloadOfAFocusAreaWithItsWijken() {
        for (String user : new String[]{"jeugdwerker", "analist"}) {
            assertThat(api.get(user, "/api/caseload?focusArea=FA03").status()).as(user).isEqualTo(200);
        }
        for (String user : new String[]{"jeugdwerker-ams", "liaison", "auditor", "beheerder"}) {
            assertThat(api.get(user, "/api/caseload?focusArea=FA03").status()).as(user).isEqualTo(403);
        }
        JsonNode caseload = api.get("jeugdwerker", "/api/caseload?focusArea=FA03").body();
        assertThat(caseload.get("active").get("PREVENTION").asLong()).isEqualTo(6);
        assertThat(caseload.get("active").get("DETENTION").asLong()).isEqualTo(1);
        assertThat(caseload.get("openedLast30Days").asLong()).isEqualTo(6);
        assertThat(caseload.get("closedLast30Days").asLong()).isEqualTo(1);
        assertThat(caseload.get("overdueNetworkMeetings").asLong()).isEqualTo(1);
        assertThat(caseload.get("withoutContact30Days").asLong()).isEqualTo(1);
        assertThat(caseload.get("asOf").asText()).isEqualTo("2026-06-15");
        assertThat(caseload.get("byNeighbourhood").findValuesAsText("neighbourhood"))
                .containsExactly("WK059910", "WK059912", "WK059915");
        assertThat(caseload.get("byCaseworker").get(0).get("caseworker").isNull()).isTrue();

        JsonNode charlois = api.get("jeugdwerker", "/api/caseload?neighbourhood=WK059915").body();
        assertThat(charlois.get("active").get("DETENTION").asLong()).isEqualTo(1);
        // an analyst sees the same figures with small counts suppressed, and totals over suppressed cells withheld
        JsonNode forAnalyst = api.get("analist", "/api/caseload?focusArea=FA03").body();
        assertThat(forAnalyst.get("active").get("PREVENTION").asLong()).isEqualTo(6);
        assertThat(forAnalyst.get("active").get("DETENTION").isNull()).isTrue();
        assertThat(forAnalyst.get("byNeighbourhood").findValues("DETENTION").stream().map(JsonNode::asText))
                .contains("<5").doesNotContain("1");
        assertThat(forAnalyst.has("byCaseworker")).isFalse();
        // all of Rotterdam is more than FA03: for analysts, not for FA03's youth worker
        assertThat(api.get("jeugdwerker", "/api/caseload?gemeente=GM0599").status()).isEqualTo(403);
        JsonNode rotterdam = api.get("analist", "/api/caseload?gemeente=GM0599").body();
        assertThat(rotterdam.get("active").get("PREVENTION").asLong()).isEqualTo(6);
        assertThat(rotterdam.get("byNeighbourhood")).hasSize(21);
    }

    @Test
    void aCaseloadNeedsExactlyOneKnownScope() {
        assertThat(api.get("analist", "/api/caseload").status()).isEqualTo(400);
        assertThat(api.get("analist", "/api/caseload?focusArea=FA03&gemeente=GM0599").status()).isEqualTo(400);
        assertThat(api.get("analist", "/api/caseload?focusArea=FA99").status()).isEqualTo(400);
        assertThat(api.get("analist", "/api/caseload?neighbourhood=WK000000").status()).isEqualTo(400);
        assertThat(api.get(null, "/api/caseload?focusArea=FA03").status()).isEqualTo(401);
    }

    @Test
    void outcomesAreForEveryRoleWithSmallCountsSuppressed() {
        Api.Response response = api.get("analist", "/api/outcomes?focusArea=FA03&cohort=2026");
        assertThat(response.status()).isEqualTo(200);
        JsonNode outcomes = response.body();
        assertThat(outcomes.get("trajectories").get("count").asLong()).isEqualTo(8);
        assertThat(outcomes.get("closed").get("byReason").get("MOVED").get("count").asText()).isEqualTo("<5");
        assertThat(outcomes.get("closed").get("byReason").get("MOVED").get("share").isNull()).isTrue();
        assertThat(outcomes.get("closed").get("total").get("count").asText()).isEqualTo("<5");
        assertThat(api.get("jeugdwerker", "/api/outcomes?focusArea=FA03&cohort=2026").status()).isEqualTo(200);

        Api.Response invalid = api.get("analist", "/api/outcomes?focusArea=FA77&cohort=1999");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("focusArea", "cohort");
        assertThat(api.get("analist", "/api/outcomes?focusArea=FA03").status()).isEqualTo(400);
    }

    @Test
    void referenceData() {
        JsonNode areas = api.get("analist", "/api/reference/focus-areas").body();
        assertThat(areas).hasSize(20);
        assertThat(areas.get(2).get("code").asText()).isEqualTo("FA03");
        assertThat(areas.get(2).get("wijken").findValuesAsText("")).isEmpty();
        assertThat(areas.get(2).get("wijken").get(0).asText()).isEqualTo("WK059910");

        JsonNode rotterdam = api.get("jeugdwerker", "/api/reference/neighbourhoods?gemeente=GM0599").body();
        assertThat(rotterdam).hasSize(21);
        JsonNode feijenoord = null;
        for (JsonNode wijk : rotterdam) {
            if (wijk.get("code").asText().equals("WK059910")) {
                feijenoord = wijk;
            }
        }
        assertThat(feijenoord).isNotNull();
        assertThat(feijenoord.get("name").asText()).isEqualTo("Feijenoord");
        assertThat(feijenoord.get("focusArea").asText()).isEqualTo("FA03");
        assertThat(feijenoord.get("buurten").size()).isGreaterThan(0);
        assertThat(api.get("jeugdwerker", "/api/reference/neighbourhoods?gemeente=GM9999").status()).isEqualTo(400);

        JsonNode catalogues = api.get("liaison", "/api/reference/catalogues").body();
        assertThat(catalogues.has("interventionTypes")).isTrue();
        assertThat(catalogues.has("contactKinds")).isTrue();
        assertThat(catalogues.has("policeContactKinds")).isTrue();
        JsonNode halt = catalogues.get("interventionTypes").get(0);
        assertThat(halt.get("code").asText()).isEqualTo("HALT_AFDOENING");
        assertThat(halt.get("labelNl").asText()).isEqualTo("Halt-afdoening");
        assertThat(halt.get("labelEn").asText()).isEqualTo("Halt settlement");
    }

    @Test
    void theLiveCaseloadStreamsTheCurrentCountsAndEveryChange() throws Exception {
        BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        HttpResponse<InputStream> stream = api.client().send(api.request("jeugdwerker",
                        "/api/caseload/stream?neighbourhood=WK059912").header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        received.add(JSON.readTree(line.substring(5)));
                    }
                }
            } catch (Exception e) {
                // the stream is closed when the test ends
            }
        });
        reader.setDaemon(true);
        reader.start();

        JsonNode initial = received.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(initial).isNotNull();
        assertThat(initial.get("active").get("PREVENTION").asLong()).isZero();

        publish(TrajectoryStory.opened(cipher, "WK059912", TODAY.minusDays(1)));
        JsonNode update = received.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(update).isNotNull();
        assertThat(update.get("active").get("PREVENTION").asLong()).isEqualTo(1);
        assertThat(update.get("openedLast30Days").asLong()).isEqualTo(1);
        stream.body().close();
    }

    @Test
    void processorLagIsAGaugePerProcessorThatReachesZeroOnceCaughtUp() {
        awaitViews();
        for (String processor : new String[]{"trajectory-summary", "trajectory-history", "caseload", "outcomes"}) {
            Gauge lag = meters.find("koers.processor.lag").tag("processor", processor).gauge();
            assertThat(lag).as(processor).isNotNull();
            assertThat(lag.getId().getTags()).extracting(Tag::getKey).containsExactly("processor");
            await().atMost(PATIENCE).until(() -> lag.value() == 0.0);
        }
    }
}
