package nl.koers.platform.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of the MongoDB file is written whole whenever one of its documents changes, so documents beside a changed
 * one are written again many times. Whatever mix of updates, replacements and deletions the pages see, every
 * document reads back after a restart as last written. (mongo-java-server changes some stored documents in place
 * before it puts them back: a cache of their encoded form, tried for speed, failed this test.)
 */
class DocumentRewriteTest {
    @TempDir
    Path dir;

    @Test
    void documentsBesideChangedOnesReadBackAsWrittenAfterManyRewritesAndARestart() {
        Path file = dir.resolve("mongo.mv");
        Map<String, Document> expected = new LinkedHashMap<>();
        Random random = new Random(7);
        try (EmbeddedMongo mongo = EmbeddedMongo.fileBacked(file);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> views = client.getDatabase("koers").getCollection("views");
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                documents.add(trajectory("t-" + i, "VOOR", 0L, List.of(new Document("n", 0))));
                expected.put("t-" + i, trajectory("t-" + i, "VOOR", 0L, List.of(new Document("n", 0))));
            }
            views.insertMany(documents);
            for (int round = 1; round <= 20; round++) {
                for (int change = 0; change < 25; change++) {
                    List<String> present = List.copyOf(expected.keySet());
                    String id = present.get(random.nextInt(present.size()));
                    Document model = expected.get(id);
                    switch (random.nextInt(4)) {
                        case 0 -> {
                            views.updateOne(Filters.eq("_id", id), Updates.set("phase", "DETENTIE-" + round));
                            model.put("phase", "DETENTIE-" + round);
                        }
                        case 1 -> {
                            views.updateOne(Filters.eq("_id", id), Updates.push("entries", new Document("n", round)));
                            model.getList("entries", Document.class).add(new Document("n", round));
                        }
                        case 2 -> {
                            views.updateOne(Filters.eq("_id", id), Updates.inc("version", 1L));
                            model.put("version", model.getLong("version") + 1);
                        }
                        default -> {
                            views.replaceOne(Filters.eq("_id", id), trajectory(id, "NAZORG", round, List.of()),
                                    new ReplaceOptions().upsert(true));
                            expected.put(id, trajectory(id, "NAZORG", round, List.of()));
                        }
                    }
                }
                views.deleteOne(Filters.eq("_id", "t-" + (round * 29 % 600)));
                expected.remove("t-" + (round * 29 % 600));
            }
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.fileBacked(file);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            List<Document> stored = client.getDatabase("koers").getCollection("views").find()
                    .into(new ArrayList<>());
            assertThat(stored).containsExactlyInAnyOrderElementsOf(expected.values());
        }
    }

    private static Document trajectory(String id, String phase, long version, List<Document> entries) {
        return new Document("_id", id).append("phase", phase).append("version", version)
                .append("entries", new ArrayList<>(entries));
    }
}
