package nl.koers.platform.mongo;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a kill -9 leaves of the in-process MongoDB's file: a copy of the file taken while the server runs is what a
 * killed process would leave. Every acknowledged write is on disk, except one that asked not to wait for the disk
 * ({@code j: false}), which goes to disk with the next write that does, or with the commit of the file that follows
 * every second.
 */
class DurableH2BackendTest {
    @TempDir
    Path dir;

    @Test
    void anUnjournaledWriteReachesTheDiskWithTheNextJournaledOne() throws IOException {
        Path file = dir.resolve("mongo.mv");
        try (EmbeddedMongo mongo = EmbeddedMongo.fileBacked(file, 3_600_000); // no periodic commit in this test
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> views = client.getDatabase("koers").getCollection("views");
            views.insertOne(new Document("_id", "a"));
            assertThat(idsOnDisk(file, "after a durable write")).containsExactly("a");

            views.withWriteConcern(WriteConcern.W1.withJournal(false)).insertOne(new Document("_id", "b"));
            assertThat(views.countDocuments()).as("applied at once").isEqualTo(2);
            assertThat(idsOnDisk(file, "after a write with j: false")).containsExactly("a");

            client.getDatabase("koers").getCollection("tokens").insertOne(new Document("_id", "token"));
            assertThat(idsOnDisk(file, "after the next durable write")).containsExactly("a", "b");
        }
    }

    @Test
    void anUnjournaledWriteReachesTheDiskWithinTheIntervalWithoutAnyFurtherWrite() throws Exception {
        Path file = dir.resolve("mongo.mv");
        try (EmbeddedMongo mongo = EmbeddedMongo.fileBacked(file, 200);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> views = client.getDatabase("koers").getCollection("views");
            views.insertOne(new Document("_id", "a"));
            views.withWriteConcern(WriteConcern.W1.withJournal(false)).insertOne(new Document("_id", "b"));
            List<String> onDisk = List.of();
            for (int attempt = 0; attempt < 50 && onDisk.size() < 2; attempt++) {
                Thread.sleep(100);
                onDisk = idsOnDisk(file, "idle " + attempt);
            }
            assertThat(onDisk).as("on disk while the process sits idle").containsExactly("a", "b");
        }
    }

    /** The ids in {@code views} of a copy of the file as it is on disk now. */
    private List<String> idsOnDisk(Path file, String name) throws IOException {
        Path copy = dir.resolve(name.replace(' ', '-').replace(":", "")).resolve("mongo.mv");
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy);
        try (EmbeddedMongo mongo = EmbeddedMongo.fileBacked(copy);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            List<String> ids = new ArrayList<>();
            client.getDatabase("koers").getCollection("views").find().forEach(d -> ids.add(d.getString("_id")));
            return ids;
        }
    }
}
