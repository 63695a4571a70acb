package nl.koers.platform.accesslog;

import com.mongodb.client.MongoDatabase;
import nl.koers.platform.mongo.EmbeddedMongo;
import nl.koers.platform.testing.RecordedFinds;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a restart the access log goes on where its chain ends, whatever its length, and finds that end by looking
 * entries up by number, never by reading the whole log (which the in-process server does for a sort).
 */
class AccessLogHeadTest {

    @ParameterizedTest(name = "{0} entries before the restart")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 7, 8, 9, 64, 65, 300})
    void aRestartedLogLinksItsNextEntryAfterTheLastOneByLookingUpNumbersOnly(int entries) throws Exception {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(); RecordedFinds client = new RecordedFinds(mongo)) {
            MongoDatabase database = client.database("koers");
            // an entry of a version before the chain: no sequence number, never the head
            database.getCollection(AccessLog.COLLECTION).insertOne(new Document("_id", new ObjectId())
                    .append("user", "earlier"));
            AccessLog before = new AccessLog(database, Clock.systemUTC());
            for (int i = 0; i < entries; i++) {
                before.granted("reader", "JUSTICE_LIAISON", "READ_HISTORY", "/api/trajectories/t-" + i, "t-" + i,
                        "y-" + i, null);
            }

            client.clear();
            AccessLog restarted = new AccessLog(database, Clock.systemUTC());
            restarted.granted("reader", "JUSTICE_LIAISON", "READ_HISTORY", "/api/trajectories/t-last", "t-last",
                    "y-last", null);

            List<BsonDocument> finds = client.filters();
            assertThat(finds).as("finds of the restarted log").allSatisfy(filter -> {
                assertThat(filter.keySet()).containsExactly("_id");
                assertThat(filter.get("_id").isInt64()).as("looked up by number: %s", filter).isTrue();
            });
            assertThat(finds.size()).isLessThanOrEqualTo(2 * (64 - Long.numberOfLeadingZeros(entries + 1L)) + 2);
            ByteArrayOutputStream export = new ByteArrayOutputStream();
            assertThat(restarted.export(1, Long.MAX_VALUE, export)).isEqualTo(entries + 1L);
            List<AccessLogLink> chain = export.toString(StandardCharsets.UTF_8).lines().map(AccessLogLink::parse)
                    .toList();
            AccessLogLink last = chain.get(chain.size() - 1);
            assertThat(last.sequence()).isEqualTo(entries + 1L);
            assertThat(last.trajectoryId()).isEqualTo("t-last");
            assertThat(last.previousHash()).isEqualTo(entries == 0
                    ? AccessLogLink.BEFORE_FIRST.hash() : chain.get(chain.size() - 2).hash());
            assertThat(last.hash()).isEqualTo(last.computeHash());
        }
    }
}
