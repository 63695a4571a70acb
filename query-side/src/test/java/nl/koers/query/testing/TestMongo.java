package nl.koers.query.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import nl.koers.platform.mongo.EmbeddedMongo;

import java.util.UUID;

/**
 * MongoDB for plain-class tests: the in-process server (one per test JVM), or the real MongoDB that
 * {@code KOERS_TEST_MONGO_URI} points to. Every call gives a fresh, empty database.
 */
public final class TestMongo {
    private static MongoClient client;

    private TestMongo() {
    }

    public static synchronized MongoDatabase freshDatabase() {
        if (client == null) {
            String external = System.getenv("KOERS_TEST_MONGO_URI");
            if (external != null && !external.isBlank()) {
                client = MongoClients.create(external);
            } else {
                EmbeddedMongo server = EmbeddedMongo.inMemory();
                client = MongoClients.create(server.connectionString());
                Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            }
        }
        return client.getDatabase("koers_plain_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }
}
