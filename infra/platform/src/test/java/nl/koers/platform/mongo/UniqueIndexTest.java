package nl.koers.platform.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The in-process MongoDB's unique indexes, in the fast key order: documents are found by {@code _id}, duplicates
 * are refused, also after a restart, and a file written by the stock backend (Koers before this order) is
 * rebuilt once when it is opened, after which nothing in it is lost or duplicable.
 */
class UniqueIndexTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final LoggedMessages migrationLog = new LoggedMessages(IndexKeyOrder.class);

    @Test
    void documentsAreFoundByIdAndDuplicatesAreRefused() {
        Path file = dir.resolve("mongo.mv");
        List<String> ids = randomIds(1500, new Random(7));
        try (EmbeddedMongo mongo = EmbeddedMongo.fileBacked(file);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoDatabase koers = client.getDatabase("koers");
            MongoCollection<Document> views = koers.getCollection("views");
            views.insertMany(ids.stream().map(id -> new Document("_id", id).append("n", 1)).toList());
            koers.getCollection("numbers").insertOne(new Document("_id", 1));
            koers.getCollection("people").createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            koers.getCollection("people").insertOne(new Document("_id", "p1").append("email", "anna@example.org"));

            assertEveryIdFound(views, ids);
            assertDuplicatesRefused(koers, ids);

            views.replaceOne(Filters.eq("_id", ids.get(5)), new Document("n", 2), new ReplaceOptions().upsert(true));
            views.updateOne(Filters.eq("_id", "nieuw-é"), Updates.set("n", 3), new UpdateOptions().upsert(true));
            assertThat(views.find(Filters.eq("_id", ids.get(5))).first()).containsEntry("n", 2);
            assertThat(views.find(Filters.eq("_id", "nieuw-é")).first()).containsEntry("n", 3);
            assertThat(views.countDocuments()).isEqualTo(ids.size() + 1);
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.fileBacked(file);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoDatabase koers = client.getDatabase("koers");
            assertEveryIdFound(koers.getCollection("views"), ids);
            assertDuplicatesRefused(koers, ids);
        }
        assertThat(migrationLog.messages()).as("a new file is marked at once").containsExactly(
                "In-process MongoDB: 0 unique-index maps rebuilt in the fast key order");
    }

    @Test
    void aFileWrittenInTheStockOrderIsRebuiltOnceAndKeepsEveryDocument() throws IOException {
        Path file = dir.resolve("mongo.mv");
        List<String> ids = randomIds(1500, new Random(11));
        List<Object> accessIds = new ArrayList<>();
        H2Backend stock = new H2Backend(file.toString());
        DomainSocketMongoServer server = new DomainSocketMongoServer(stock, dir.resolve("stock.sock"));
        try (MongoClient client = MongoClients.create(
                "mongodb://" + URLEncoder.encode(dir.resolve("stock.sock").toString(), StandardCharsets.UTF_8))) {
            MongoDatabase koers = client.getDatabase("koers");
            for (String id : ids) {
                koers.getCollection("views").insertOne(new Document("_id", id));
            }
            for (int i = 0; i < 300; i++) { // the driver gives these an ObjectId, as the access log's entries
                Document entry = new Document("at", i);
                koers.getCollection("access").insertOne(entry);
                accessIds.add(entry.getObjectId("_id"));
            }
            koers.getCollection("numbers").insertOne(new Document("_id", 1));
            koers.getCollection("people").createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            koers.getCollection("people").insertOne(new Document("_id", "p1").append("email", "anna@example.org"));
        } finally {
            server.stop();
            stock.close();
        }
        assertThat(keysMissedInTheNewOrderWithoutRebuild(file)).as("the stock file needs the rebuild").isPositive();

        try (EmbeddedMongo mongo = EmbeddedMongo.fileBacked(file);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoDatabase koers = client.getDatabase("koers");
            assertEveryIdFound(koers.getCollection("views"), ids);
            assertEveryIdFound(koers.getCollection("access"), accessIds);
            assertDuplicatesRefused(koers, ids);
            assertThatThrownBy(() -> koers.getCollection("access").insertOne(new Document("_id", accessIds.get(9))))
                    .isInstanceOfSatisfying(MongoWriteException.class, UniqueIndexTest::isDuplicateKey);
            koers.getCollection("views").insertOne(new Document("_id", "na-de-ombouw"));
        }
        assertThat(migrationLog.messages())
                .containsExactly("In-process MongoDB: 5 unique-index maps rebuilt in the fast key order");

        try (EmbeddedMongo mongo = EmbeddedMongo.fileBacked(file);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoDatabase koers = client.getDatabase("koers");
            assertEveryIdFound(koers.getCollection("views"), ids);
            assertEveryIdFound(koers.getCollection("views"), List.of("na-de-ombouw"));
            assertDuplicatesRefused(koers, ids);
        }
        assertThat(migrationLog.messages()).as("the second start rebuilds nothing").hasSize(1);
    }

    private static void assertEveryIdFound(MongoCollection<Document> collection, List<?> ids) {
        for (Object id : ids) {
            assertThat(collection.find(Filters.eq("_id", id)).first()).as("document %s", id).isNotNull();
        }
    }

    private static void assertDuplicatesRefused(MongoDatabase koers, List<String> ids) {
        for (String id : List.of(ids.get(0), ids.get(ids.size() / 2), ids.get(ids.size() - 1))) {
            assertThatThrownBy(() -> koers.getCollection("views").insertOne(new Document("_id", id)))
                    .isInstanceOfSatisfying(MongoWriteException.class, UniqueIndexTest::isDuplicateKey);
        }
        // MongoDB calls the int 1 and the double 1.0 the same _id
        assertThatThrownBy(() -> koers.getCollection("numbers").insertOne(new Document("_id", 1.0)))
                .isInstanceOfSatisfying(MongoWriteException.class, UniqueIndexTest::isDuplicateKey);
        MongoCollection<Document> people = koers.getCollection("people");
        assertThatThrownBy(() -> people.insertOne(new Document("_id", "p2").append("email", "anna@example.org")))
                .isInstanceOfSatisfying(MongoWriteException.class, UniqueIndexTest::isDuplicateKey);
        assertThat(people.countDocuments(Filters.eq("email", "anna@example.org"))).isEqualTo(1);
    }

    private static void isDuplicateKey(MongoWriteException e) {
        assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY);
    }

    /** Looks each key of the views' _id index up in a copy of the file, read in the new order without rebuild. */
    private long keysMissedInTheNewOrderWithoutRebuild(Path file) throws IOException {
        Path copy = dir.resolve("copy.mv");
        Files.copy(file, copy);
        MVStore store = new MVStore.Builder().fileName(copy.toString()).readOnly().open();
        try {
            MVMap<KeyValue, Object> index = store.openMap("koers.views._index__id_",
                    new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyDataType()));
            assertThat(index.sizeAsLong()).isEqualTo(1500);
            return index.keyList().stream().filter(key -> !index.containsKey(key)).count();
        } finally {
            store.close();
        }
    }

    /** Case ids, non-ASCII names, shared prefixes: the kinds of string _id the views hold. */
    private static List<String> randomIds(int count, Random random) {
        String[] prefixes = {"tr-", "youth-", "wijk/Zuid-", "Ærø-", "名前-", "😀-", ""};
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(prefixes[random.nextInt(prefixes.length)] + Integer.toString(random.nextInt(1_000_000), 36)
                    + "-" + i);
        }
        return ids;
    }
}
