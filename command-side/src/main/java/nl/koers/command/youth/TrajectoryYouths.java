package nl.koers.command.youth;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import nl.koers.events.common.TrajectoryId;
import nl.koers.events.common.YouthId;
import nl.koers.events.trajectory.TrajectoryOpened;
import nl.koers.platform.mongo.NotWaitingForDisk;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The command side's lookup "which youth does this trajectory belong to?", needed to seal free text with the
 * youth's key before it enters a command. Written when a trajectory is opened, and rebuilt from
 * {@link TrajectoryOpened} by its own processor (a new deployment fills it from the start of the event log).
 * Pseudonymous ids only; reads and writes go by {@code _id} and are idempotent. A trajectory's youth never
 * changes, so links found are remembered here for the next command (the {@value #REMEMBERED} used last): most
 * commands seal a note, and this saved one MongoDB round trip each.
 */
@Component
@ProcessingGroup("trajectory-youths")
public class TrajectoryYouths {
    static final String COLLECTION = "cmd_trajectory_youths";
    static final int REMEMBERED = 10_000;
    private final MongoCollection<Document> links;
    /** The processor's writes: like its token, they need not wait for the disk (a crash takes back both). */
    private final MongoCollection<Document> linksFromEvents;
    private final Map<String, YouthId> recent = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, YouthId> eldest) {
                    return size() > REMEMBERED;
                }
            });

    public TrajectoryYouths(@Qualifier("koers") MongoDatabase database) {
        this.links = database.getCollection(COLLECTION);
        this.linksFromEvents = NotWaitingForDisk.of(links);
    }

    /** Before the trajectory's opening is sent: on disk before its event can be. */
    public void remember(TrajectoryId trajectory, YouthId youth) {
        remember(links, trajectory, youth);
    }

    private void remember(MongoCollection<Document> collection, TrajectoryId trajectory, YouthId youth) {
        collection.replaceOne(Filters.eq("_id", trajectory.value()),
                new Document("_id", trajectory.value()).append("youthId", youth.value()),
                new ReplaceOptions().upsert(true));
        recent.put(trajectory.value(), youth);
    }

    public Optional<YouthId> youthOf(TrajectoryId trajectory) {
        YouthId remembered = recent.get(trajectory.value());
        if (remembered != null) {
            return Optional.of(remembered);
        }
        Document link = links.find(Filters.eq("_id", trajectory.value())).first();
        if (link == null) {
            return Optional.empty();
        }
        YouthId youth = new YouthId(link.getString("youthId"));
        recent.put(trajectory.value(), youth);
        return Optional.of(youth);
    }

    @EventHandler
    void on(TrajectoryOpened event) {
        remember(linksFromEvents, event.trajectoryId(), event.youthId());
    }
}
