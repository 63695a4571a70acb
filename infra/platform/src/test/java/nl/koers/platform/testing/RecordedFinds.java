package nl.koers.platform.testing;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import nl.koers.platform.mongo.EmbeddedMongo;
import org.bson.BsonDocument;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A client of an in-process MongoDB server that records the filter of every {@code find} it sends: for tests of
 * which queries the in-process server is asked (it answers anything but an {@code _id} filter by a full scan).
 */
public final class RecordedFinds implements AutoCloseable {
    private static final JsonWriterSettings EXACT = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private final List<BsonDocument> filters = new CopyOnWriteArrayList<>();
    private final MongoClient client;

    public RecordedFinds(EmbeddedMongo server) {
        this.client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.connectionString()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        if (event.getCommandName().equals("find")) {
                            // a copy, types kept: the command's buffer is released when the listener returns
                            filters.add(BsonDocument.parse(event.getCommand().getDocument("filter").toJson(EXACT)));
                        }
                    }
                }).build());
    }

    public MongoDatabase database(String name) {
        return client.getDatabase(name);
    }

    /** The filters of the finds sent since the start or the last {@link #clear}, in order. */
    public List<BsonDocument> filters() {
        return List.copyOf(filters);
    }

    public void clear() {
        filters.clear();
    }

    @Override
    public void close() {
        client.close();
    }
}
