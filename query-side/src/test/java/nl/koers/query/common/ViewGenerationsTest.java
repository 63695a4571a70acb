package nl.koers.query.common;

import com.mongodb.client.MongoDatabase;
import nl.koers.query.testing.TestMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Switching readers to a rebuilt generation, without Spring. */
@ExtendWith(OutputCaptureExtension.class)
class ViewGenerationsTest {
    private final MongoDatabase database = TestMongo.freshDatabase();

    /**
     * A view that held nothing before its rebuild (a first start, or processors stopped while the log was written in
     * bulk) has no collection in its live generation. The switch used to drop it anyway, and the in-process server
     * logged each refused drop as an ERROR with its stack trace.
     */
    @Test
    void aViewEmptyBeforeItsRebuildSwitchesWithoutAnErrorFromTheStore(CapturedOutput output) {
        ViewGenerations generations = new ViewGenerations(database);
        ViewGenerations.GenerationalCollection summary = generations.collection("summary", "view_summary");

        generations.begin("summary", 0);
        summary.forWriting().insertOne(new Document("_id", "t-1"));
        generations.switchOver("summary");

        assertThat(summary.forReading().getNamespace().getCollectionName()).isEqualTo("view_summary_g1");
        assertThat(summary.forReading().countDocuments()).isEqualTo(1);
        assertThat(database.listCollectionNames().into(new ArrayList<>())).doesNotContain("view_summary");
        assertThat(output.getAll()).doesNotContain("ns not found").doesNotContain("ERROR");
    }

    /** The generation readers leave is dropped once they have switched (no wait outside Spring). */
    @Test
    void theGenerationReadersLeaveIsDropped() {
        ViewGenerations generations = new ViewGenerations(database);
        ViewGenerations.GenerationalCollection summary = generations.collection("summary", "view_summary");
        summary.forWriting().insertOne(new Document("_id", "t-1"));

        generations.begin("summary", 0);
        summary.forWriting().insertOne(new Document("_id", "t-2"));
        generations.switchOver("summary");

        assertThat(database.listCollectionNames().into(new ArrayList<>()))
                .contains("view_summary_g1").doesNotContain("view_summary");
        assertThat(summary.forReading().find().first()).isEqualTo(new Document("_id", "t-2"));
    }
}
