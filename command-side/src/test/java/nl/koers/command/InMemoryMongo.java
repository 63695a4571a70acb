package nl.koers.command;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import nl.koers.platform.mongo.EmbeddedMongo;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.UUID;

/**
 * An in-process MongoDB for one test class ({@code @RegisterExtension static}): started before its first test,
 * stopped after its last; each test takes a database of its own, so tests never see each other's documents.
 */
public final class InMemoryMongo implements BeforeAllCallback, AfterAllCallback {
    private EmbeddedMongo mongo;
    private MongoClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
        mongo = EmbeddedMongo.inMemory();
        client = MongoClients.create(mongo.connectionString());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
        mongo.close();
    }

    public MongoDatabase freshDatabase(String prefix) {
        return client.getDatabase(prefix + "_" + UUID.randomUUID().toString().substring(0, 8));
    }
}
