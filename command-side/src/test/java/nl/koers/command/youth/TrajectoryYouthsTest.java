package nl.koers.command.youth;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import nl.koers.events.common.TrajectoryId;
import nl.koers.events.common.YouthId;
import nl.koers.platform.mongo.EmbeddedMongo;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Which youth a trajectory belongs to: stored in MongoDB, remembered once found (it never changes). */
class TrajectoryYouthsTest {
    private static EmbeddedMongo mongo;
    private static MongoClient client;
    private MongoDatabase database;

    @BeforeAll
    static void startMongo() {
        mongo = EmbeddedMongo.inMemory();
        client = MongoClients.create(mongo.connectionString());
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        mongo.close();
    }

    @BeforeEach
    void setUp() {
        database = client.getDatabase("youths_" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void aLinkWrittenByOneReplicaIsFoundByAnotherAndRememberedThere() {
        TrajectoryId trajectory = TrajectoryId.newId();
        YouthId youth = YouthId.newId();
        new TrajectoryYouths(database).remember(trajectory, youth);
        TrajectoryYouths otherReplica = new TrajectoryYouths(database);

        assertThat(otherReplica.youthOf(trajectory)).contains(youth);
        database.getCollection(TrajectoryYouths.COLLECTION).deleteOne(Filters.eq("_id", trajectory.value()));
        assertThat(otherReplica.youthOf(trajectory)).contains(youth);
    }

    @Test
    void anUnknownTrajectoryHasNoYouthAndIsNotRememberedAsSuch() {
        TrajectoryYouths youths = new TrajectoryYouths(database);
        TrajectoryId later = TrajectoryId.newId();
        YouthId youth = YouthId.newId();

        assertThat(youths.youthOf(later)).isEmpty();
        database.getCollection(TrajectoryYouths.COLLECTION)
                .insertOne(new Document("_id", later.value()).append("youthId", youth.value()));
        assertThat(youths.youthOf(later)).contains(youth);
    }
}
