package nl.koers.query.operations;

import nl.koers.query.testing.ViewSnapshot;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import nl.koers.query.caseload.CaseloadView;
import nl.koers.query.testing.IntegrationTest;
import nl.koers.query.testing.Scenario;
import nl.koers.query.testing.TrajectoryStory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A view written by an older version of its projection is rebuilt at start-up; a current one is left alone. */
class ViewVersionsTest extends IntegrationTest {
    @Autowired
    @Qualifier("koers")
    MongoDatabase database;
    @Autowired
    ViewVersions versions;

    @Test
    void anOutdatedViewIsRebuiltFromTheLogAndACurrentOneIsNot() {
        List<TrajectoryStory> stories = Scenario.trajectories(cipher, 10, 2026);
        publish(stories.toArray(TrajectoryStory[]::new));
        awaitViews();
        assertThat(versions.rebuildOutdatedViews()).isEmpty();

        // an older projection left a wrong document behind and an older version number
        String wijken = ViewSnapshot.live(database, "view_caseload");
        Object someWijk = database.getCollection(wijken).find().first().get("_id");
        database.getCollection(wijken).updateOne(Filters.eq("_id", someWijk), Updates.set("stale", true));
        database.getCollection("view_versions").updateOne(Filters.eq("_id", "caseload"), Updates.set("version", 0));

        assertThat(versions.rebuildOutdatedViews()).containsExactly("caseload");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                database.getCollection(ViewSnapshot.live(database, "view_caseload"))
                        .find(Filters.eq("_id", someWijk)).first())
                .isNotNull().doesNotContainKey("stale"));
        assertThat(database.getCollection("view_versions").find(Filters.eq("_id", "caseload")).first()
                .getInteger("version")).isEqualTo(CaseloadView.DESCRIPTOR.version());
        assertThat(versions.rebuildOutdatedViews()).isEmpty();
    }

    /** Several outdated views are rebuilt in one read of the log, each into what the live processors had built. */
    @Test
    void outdatedViewsAreRebuiltTogetherIntoWhatTheLiveProcessorsBuilt() {
        publish(Scenario.trajectories(cipher, 12, 2025).toArray(TrajectoryStory[]::new));
        awaitViews();
        var live = ViewSnapshot.of(database);
        assertThat(live.get("view_caseload")).isNotEmpty();
        assertThat(live.get("view_outcomes")).isNotEmpty();

        for (String collection : List.of("view_caseload", "view_outcomes", "view_trajectory_history")) {
            database.getCollection(ViewSnapshot.live(database, collection))
                    .updateMany(Filters.empty(), Updates.set("stale", true));
        }
        for (String view : List.of("caseload", "outcomes", "trajectory-history")) {
            database.getCollection("view_versions").updateOne(Filters.eq("_id", view), Updates.set("version", 0));
        }

        assertThat(versions.rebuildOutdatedViews())
                .containsExactlyInAnyOrder("caseload", "outcomes", "trajectory-history");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(ViewSnapshot.of(database))
                .isEqualTo(live));
    }
}
