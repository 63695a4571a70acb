package nl.koers.query.operations;

import com.mongodb.client.MongoDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import nl.koers.query.caseload.CaseloadView;
import nl.koers.query.history.HistoryView;
import nl.koers.query.search.CaseIndex;
import nl.koers.query.summary.SummaryView;
import nl.koers.query.testing.Api;
import nl.koers.query.testing.IntegrationTest;
import nl.koers.query.testing.Scenario;
import nl.koers.query.testing.TrajectoryStory;
import nl.koers.query.testing.ViewSnapshot;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild fills a fresh generation of the view while readers keep the complete one they had, and switches them
 * over once it has caught up: a read in the middle of a rebuild is never a 404 and never a partial picture. The
 * rebuild is held part-way by a gate on its replayed events.
 */
@TestPropertySource(properties = {"koers.query.rebuild.drop-old-after=PT0S", "koers.query.rebuild.batch-events=10",
        "koers.query.processors.trajectory-summary.batch-size=10",
        "koers.query.processors.trajectory-history.batch-size=10",
        "koers.query.processors.caseload.batch-size=10"})
@Import(RebuildAsideTest.Gate.class)
// the first test counts on a database no rebuild has touched yet (its fresh generation is the first, _g1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RebuildAsideTest extends IntegrationTest {
    private static final List<String> GATED = List.of(SummaryView.NAME, HistoryView.NAME, CaseloadView.NAME,
            CaseIndex.NAME);
    private static final ReplayGate GATE = new ReplayGate();
    @Autowired
    @Qualifier("koers")
    MongoDatabase database;
    @Autowired
    ViewRebuilds rebuilds;

    /** Replayed events of the gated views wait for a permit (per view) while the gate is closed. */
    static final class ReplayGate {
        private volatile boolean closed;
        private final Map<String, Semaphore> permits = new java.util.concurrent.ConcurrentHashMap<>();

        void close() {
            permits.values().forEach(Semaphore::drainPermits); // none left over from an earlier test
            closed = true;
        }

        void let(int events) {
            GATED.forEach(group -> permits(group).release(events));
        }

        void open() {
            closed = false;
            GATED.forEach(group -> permits(group).release(1_000_000));
        }

        void pass(String group, Message<?> message) throws InterruptedException {
            if (closed && ReplayToken.isReplay(message)) {
                permits(group).acquire();
            }
        }

        private Semaphore permits(String group) {
            return permits.computeIfAbsent(group, g -> new Semaphore(0));
        }
    }

    @TestConfiguration
    static class Gate {
        @Bean
        ConfigurerModule replayGate() {
            return configurer -> configurer.eventProcessing(processing -> GATED.forEach(group ->
                    processing.registerHandlerInterceptor(group, config -> (unitOfWork, chain) -> {
                        GATE.pass(group, unitOfWork.getMessage());
                        return chain.proceed();
                    })));
        }
    }

    @AfterEach
    void openTheGate() {
        GATE.open();
    }

    @Test
    @Order(1)
    void readersSeeTheCompleteViewUntilTheRebuildHasCaughtUp() {
        List<TrajectoryStory> stories = Scenario.trajectories(cipher, 30, 2027);
        publish(stories.toArray(TrajectoryStory[]::new));
        awaitViews();
        Api api = api();
        Map<String, JsonNode> before = reads(api, stories);
        assertThat(before.values()).noneMatch(body -> body == null);
        Map<String, Map<Object, org.bson.Document>> live = ViewSnapshot.of(database);

        GATE.close();
        startRebuilds(api, GATED);
        GATE.let(40);
        // part-way: the fresh summary generation holds some trajectories, not all, and the views say so
        await().atMost(PATIENCE).until(() -> database.getCollection("view_trajectory_summary_g1")
                .countDocuments() > 0);
        assertThat(database.getCollection("view_trajectory_summary_g1").countDocuments()).isLessThan(30);
        assertThat(rebuilding(api)).containsAll(GATED);
        assertThat(reads(api, stories)).as("every read during the rebuild").isEqualTo(before);
        assertThat(api.post("beheerder", "/api/admin/views/" + SummaryView.NAME + "/rebuild").status())
                .as("one rebuild of a view at a time").isEqualTo(409);
        GATE.let(200);
        assertThat(reads(api, stories)).as("every read later in the rebuild").isEqualTo(before);

        GATE.open();
        awaitViews();
        assertThat(rebuilding(api)).isEmpty();
        assertThat(reads(api, stories)).as("every read after the switch").isEqualTo(before);
        assertThat(ViewSnapshot.of(database)).isEqualTo(live);
        assertThat(ViewSnapshot.live(database, "view_trajectory_summary")).isEqualTo("view_trajectory_summary_g1");
        await().atMost(Duration.ofSeconds(10)).until(() -> !database.listCollectionNames()
                .into(new java.util.ArrayList<>()).contains("view_trajectory_summary"));
    }

    /**
     * Events recorded while a rebuild replays the log are not lost nor applied twice where the processor takes
     * over: the view after the switch equals the view a second rebuild builds from the whole log.
     */
    @Test
    @Order(2)
    void eventsRecordedDuringARebuildReachTheFreshViewOnceAfterTheSwitch() {
        List<TrajectoryStory> before = Scenario.trajectories(cipher, 20, 2028);
        publish(before.toArray(TrajectoryStory[]::new));
        awaitViews();
        Api api = api();

        GATE.close();
        startRebuilds(api, List.of(SummaryView.NAME, HistoryView.NAME));
        GATE.let(5);
        List<TrajectoryStory> during = Scenario.trajectories(cipher, 5, 2029);
        publish(during.toArray(TrajectoryStory[]::new));
        assertThat(rebuilding(api)).contains(SummaryView.NAME, HistoryView.NAME);
        GATE.open();
        awaitViews();
        await().atMost(Duration.ofSeconds(60)).until(() -> rebuilding(api).isEmpty());
        Map<String, Map<Object, org.bson.Document>> handedOver = ViewSnapshot.of(database);
        for (TrajectoryStory story : during) {
            assertThat(api.get("liaison", "/api/trajectories/" + story.id() + "/history", "X-Purpose",
                    "OM: beoordeling").status()).as("recorded during the rebuild").isEqualTo(200);
        }

        startRebuilds(api, List.of(SummaryView.NAME, HistoryView.NAME));
        awaitViews();
        await().atMost(Duration.ofSeconds(60)).until(() -> rebuilding(api).isEmpty());
        assertThat(ViewSnapshot.of(database)).isEqualTo(handedOver);
    }

    /**
     * Views rebuilt together share one read of the log; a view of them rebuilt again half-way takes over its own
     * rebuild, and the others finish through their processors: both end up as the live processors built them.
     */
    @Test
    @Order(3)
    void aViewRebuiltAgainHalfWayThroughASharedReadLeavesEveryViewComplete() {
        publish(Scenario.trajectories(cipher, 20, 2030).toArray(TrajectoryStory[]::new));
        awaitViews();
        Map<String, Map<Object, org.bson.Document>> live = ViewSnapshot.of(database);
        Api api = api();

        GATE.close();
        rebuilds.rebuildTogether(List.of(SummaryView.NAME, HistoryView.NAME));
        GATE.let(15);
        await().atMost(PATIENCE).until(() -> rebuilds.progress(HistoryView.NAME).orElse(0) > 0);
        rebuilds.rebuildFromScratch(List.of(SummaryView.NAME));
        assertThat(rebuilding(api)).contains(SummaryView.NAME, HistoryView.NAME);
        GATE.open();
        awaitViews();
        await().atMost(Duration.ofSeconds(60)).until(() -> rebuilding(api).isEmpty());
        assertThat(ViewSnapshot.of(database)).isEqualTo(live);
    }

    /** What a reader sees of every trajectory (summary and history), of the caseload, and of a name search. */
    private static Map<String, JsonNode> reads(Api api, List<TrajectoryStory> stories) {
        Map<String, JsonNode> seen = new LinkedHashMap<>();
        for (TrajectoryStory story : stories) {
            for (String path : List.of("/api/trajectories/" + story.id(), "/api/trajectories/" + story.id()
                    + "/history")) {
                Api.Response response = api.get("liaison", path, "X-Purpose", "OM: beoordeling");
                seen.put(path, response.status() == 200 ? response.body() : null);
                assertThat(response.status()).as("%s", path).isEqualTo(200);
            }
        }
        for (String path : List.of("/api/caseload?focusArea=FA03", "/api/caseload?gemeente=GM0599")) {
            Api.Response response = api.get("analist", path);
            assertThat(response.status()).as("%s", path).isEqualTo(200);
            seen.put(path, response.body());
        }
        Api.Response search = api.get("liaison", "/api/trajectories?q=vries&size=100", "X-Purpose",
                "OM: beoordeling");
        assertThat(search.status()).isEqualTo(200);
        seen.put("search", search.body());
        return seen;
    }

    /** Asks for a rebuild of each view, as an administrator; each is accepted. */
    private static void startRebuilds(Api api, List<String> views) {
        for (String view : views) {
            assertThat(api.post("beheerder", "/api/admin/views/" + view + "/rebuild").status()).as(view).isEqualTo(202);
        }
    }

    private static List<String> rebuilding(Api api) {
        List<String> names = new java.util.ArrayList<>();
        api.get("beheerder", "/api/admin/views").body().forEach(view -> {
            if (view.get("rebuilding").asBoolean()) {
                names.add(view.get("processor").asText());
            }
        });
        return names;
    }
}
