package nl.koers.command.youth;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import nl.koers.events.common.TrajectoryId;
import nl.koers.events.common.YouthId;
import nl.koers.events.trajectory.TrajectoryOpened;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The command side's lookup "which youth does this trajectory belong to?", needed to seal free text with the
 * youth's key before it enters a command. Written when a trajectory is opened, and rebuilt from
 * {@link TrajectoryOpened} by its own processor (a new deployment fills it from the start of the event log).
 * Pseudonymous ids only; reads and writes go by {@code _id} and are idempotent.
 */
@Component
@ProcessingGroup("trajectory-youths")
public class TrajectoryYouths {
    static final String COLLECTION = "cmd_trajectory_youths";
    private final MongoCollection<Document> links;

    public TrajectoryYouths(@Qualifier("koers") MongoDatabase database) {
        this.links = database.getCollection(COLLECTION);
    }

    public void remember(TrajectoryId trajectory, YouthId youth) {
        links.replaceOne(Filters.eq("_id", trajectory.value()),
                new Document("_id", trajectory.value()).append("youthId", youth.value()),
                new ReplaceOptions().upsert(true));
    }

    public Optional<YouthId> youthOf(TrajectoryId trajectory) {
        Document link = links.find(Filters.eq("_id", trajectory.value())).first();
        return link == null ? Optional.empty() : Optional.of(new YouthId(link.getString("youthId")));
    }

    @EventHandler
    void on(TrajectoryOpened event) {
        remember(event.trajectoryId(), event.youthId());
    }
}
