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
        Object someWijk = database.getCollection("view_caseload").find().first().get("_id");
        database.getCollection("view_caseload").updateOne(Filters.eq("_id", someWijk), Updates.set("stale", true));
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
}
