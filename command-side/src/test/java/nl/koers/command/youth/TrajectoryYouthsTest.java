package nl.koers.command.youth;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import nl.koers.command.InMemoryMongo;
import nl.koers.events.common.TrajectoryId;
import nl.koers.events.common.YouthId;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;


import static org.assertj.core.api.Assertions.assertThat;

/** Which youth a trajectory belongs to: stored in MongoDB, remembered once found (it never changes). */
class TrajectoryYouthsTest {
    @RegisterExtension
    static final InMemoryMongo mongo = new InMemoryMongo();
    private MongoDatabase database;

    @BeforeEach
    void setUp() {
        database = mongo.freshDatabase("youths");
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
