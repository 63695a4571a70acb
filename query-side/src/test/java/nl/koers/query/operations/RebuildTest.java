package nl.koers.query.operations;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.koers.query.testing.Api;
import nl.koers.query.testing.IntegrationTest;
import nl.koers.query.testing.Scenario;
import nl.koers.query.testing.TrajectoryStory;
import nl.koers.query.testing.ViewSnapshot;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A view rebuilt from the start of the event log equals the view built live, event by event. */
class RebuildTest extends IntegrationTest {
    private static final List<String> VIEWS = List.of("trajectory-summary", "trajectory-history", "caseload",
            "outcomes");
    @Autowired
    @Qualifier("koers")
    MongoDatabase database;
    @Autowired
    MeterRegistry meters;

    @Test
    void everyRebuiltViewEqualsTheViewBuiltLive() {
        List<TrajectoryStory> stories = Scenario.trajectories(cipher, 40, 2026);
        // live: published in small steps, so the processors project while events keep coming
        for (int i = 0; i < stories.size(); i += 5) {
            publish(stories.subList(i, i + 5).toArray(TrajectoryStory[]::new));
        }
        awaitViews();
        Map<String, Map<Object, Document>> live = ViewSnapshot.of(database);
        assertThat(live.get("view_trajectory_summary")).hasSize(40);

        // damage every view, so only a rebuild from the log can give the live views back
        String first = stories.get(0).id().value();
        database.getCollection("view_trajectory_summary").deleteOne(Filters.eq("_id", first));
        database.getCollection("view_trajectory_history").updateOne(Filters.eq("_id", first),
                Updates.set("entries", List.of()));
        database.getCollection("view_caseload").updateOne(Filters.eq("_id", "fa:FA03"), Updates.set("active.PREVENTION", 999));
        database.getCollection("view_outcomes").deleteMany(Filters.empty());
        assertThat(ViewSnapshot.of(database)).isNotEqualTo(live);

        Api api = api();
        assertThat(api.post("jeugdwerker", "/api/admin/views/caseload/rebuild").status()).isEqualTo(403);
        assertThat(api.post("beheerder", "/api/admin/views/nothing/rebuild").status()).isEqualTo(400);
        for (String view : VIEWS) {
            Api.Response started = api.post("beheerder", "/api/admin/views/" + view + "/rebuild");
            assertThat(started.status()).isEqualTo(202);
            assertThat(started.body().get("processor").asText()).isEqualTo(view);
        }
        awaitViews();

        assertThat(ViewSnapshot.of(database)).isEqualTo(live);
        for (String view : VIEWS) {
            Counter rebuilds = meters.find("koers.view.rebuilds").tag("processor", view).counter();
            assertThat(rebuilds).isNotNull();
            assertThat(rebuilds.count()).isEqualTo(1.0);
        }
        assertThat(api.get("beheerder", "/api/admin/views").body().findValuesAsText("processor"))
                .containsAll(VIEWS);
    }
}
