package nl.koers.platform.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-process MongoDB stores documents as BSON: every kind of value a view, token, key or log entry holds reads
 * back after a restart as it was written, and a file whose documents were stored with Java serialization (Koers
 * before this form) is converted once when it is opened, losing nothing.
 */
class DocumentEncodingTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final LoggedMessages conversionLog = new LoggedMessages(DocumentEncoding.class);

    @Test
    void everyKindOfValueReadsBackAfterARestartAndTheFileHoldsBson() {
        Path file = dir.resolve("mongo.mv");
        List<Document> written = documents(400);
        try (EmbeddedMongo mongo = EmbeddedMongo.fileBacked(file);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> views = client.getDatabase("koers").getCollection("views");
            views.insertMany(written);
            views.updateOne(Filters.eq("_id", "doc-7"), Updates.set("entries.t-1.phase", "NAZORG"));
        }
        written.get(7).get("entries", Document.class).get("t-1", Document.class).put("phase", "NAZORG");
        try (EmbeddedMongo mongo = EmbeddedMongo.fileBacked(file);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> views = client.getDatabase("koers").getCollection("views");
            assertThat(views.find().into(new ArrayList<>())).containsExactlyInAnyOrderElementsOf(written);
        }
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            MVMap<Object, de.bwaldvogel.mongo.bson.Document> map = store.openMap("databases.koers.views",
                    new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>().valueType(new DocumentDataType()));
            assertThat(map.get("doc-3")).as("read from the file as BSON").containsEntry("text", "Zuid-3 ë 名前 😀");
        } finally {
            store.close();
        }
        assertThat(conversionLog.messages()).as("a new file has nothing to convert").isEmpty();
    }

    @Test
    void aFileWithJavaSerializedDocumentsIsConvertedOnceAndKeepsEveryDocument() {
        Path file = dir.resolve("mongo.mv");
        List<Document> written = documents(300);
        H2Backend stock = new H2Backend(file.toString());
        DomainSocketMongoServer server = new DomainSocketMongoServer(stock, dir.resolve("stock.sock"));
        try (MongoClient client = MongoClients.create(
                "mongodb://" + URLEncoder.encode(dir.resolve("stock.sock").toString(), StandardCharsets.UTF_8))) {
            client.getDatabase("koers").getCollection("views").insertMany(written);
            client.getDatabase("koers").getCollection("tokens").insertOne(new Document("_id", "caseload")
                    .append("position", 41L));
        } finally {
            server.stop();
            stock.close();
        }

        try (EmbeddedMongo mongo = EmbeddedMongo.fileBacked(file);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> views = client.getDatabase("koers").getCollection("views");
            assertThat(views.find().into(new ArrayList<>())).containsExactlyInAnyOrderElementsOf(written);
            assertThat(views.find(Filters.eq("_id", "doc-42")).first()).isEqualTo(written.get(42));
            views.insertOne(new Document("_id", "after").append("n", 1));
        }
        // views and tokens, and the server's own collection of indexes per database
        assertThat(conversionLog.messages()).singleElement().asString()
                .matches("In-process MongoDB: \\d+ collections converted from Java serialization to BSON");

        try (EmbeddedMongo mongo = EmbeddedMongo.fileBacked(file);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> views = client.getDatabase("koers").getCollection("views");
            assertThat(views.countDocuments()).isEqualTo(written.size() + 1);
            assertThat(views.find(Filters.eq("_id", "after")).first()).containsEntry("n", 1);
            assertThat(client.getDatabase("koers").getCollection("tokens").find().first())
                    .containsEntry("position", 41L);
        }
        assertThat(conversionLog.messages()).as("the second start converts nothing").hasSize(1);
    }

    /**
     * Documents with every kind of value the views, tokens, keys and logs hold, some large, one larger than the
     * encoding buffer a writing thread keeps (so the documents after it are encoded in a fresh one).
     */
    private static List<Document> documents(int count) {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            documents.add(new Document("_id", "doc-" + i)
                    .append("text", "Zuid-" + i + " ë 名前 😀")
                    .append("empty", "")
                    .append("int", i)
                    .append("long", 1L << 40 | i)
                    .append("double", i / 3.0)
                    .append("flag", i % 2 == 0)
                    .append("nothing", null)
                    .append("at", new Date(1_700_000_000_000L + i))
                    .append("objectId", new ObjectId())
                    .append("decimal", new Decimal128(new BigDecimal("12.50")))
                    .append("bytes", new Binary(new byte[]{1, 2, (byte) i}))
                    .append("list", Arrays.asList(1, "two", 3.0, null, new Document("four", 4)))
                    .append("entries", new Document("t-1", new Document("phase", "DETENTIE").append("since", "2026-01-0" + (i % 9 + 1)))
                            .append("t-2", new Document("phase", "VOOR")))
                    .append("long text", i % 50 == 0 ? "x".repeat(i == 100 ? 300_000 : 100_000) : "short"));
        }
        return documents;
    }

}
