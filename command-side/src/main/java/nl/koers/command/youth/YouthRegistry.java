package nl.koers.command.youth;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import nl.koers.events.common.TrajectoryId;
import nl.koers.events.common.YouthId;
import nl.koers.events.trajectory.TrajectoryClosed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command side's own lookup table for "is this youth already known, and do they have an open trajectory?".
 * Keyed by the identity hash (never a name or BSN), so every check is an atomic operation on {@code _id}:
 * two simultaneous openings for one youth cannot both win. The query side is never asked.
 * <p>
 * The only owner of its collections ({@value #YOUTHS} and {@value #TRAJECTORIES}): erasure asks it to
 * {@link #forget} a youth rather than deleting from them itself.
 */
@Component
@ProcessingGroup("youth-registry")
public class YouthRegistry {
    /** Identity hash → the youth's id and their open trajectory, if any. */
    static final String YOUTHS = "cmd_youth_registry";
    /** Trajectory id → the identity hash it was opened for, to free the youth when it closes. */
    static final String TRAJECTORIES = "cmd_youth_registry_trajectories";
    private final MongoCollection<Document> youths;
    private final MongoCollection<Document> trajectories;

    public YouthRegistry(@Qualifier("koers") MongoDatabase database) {
        this.youths = database.getCollection(YOUTHS);
        this.trajectories = database.getCollection(TRAJECTORIES);
    }

    /** The outcome of a claim: the youth's (new or known) id, or the trajectory that is still open. */
    public record Claim(YouthId youthId, Optional<TrajectoryId> openTrajectory) {
        public boolean granted() {
            return openTrajectory.isEmpty();
        }
    }

    /** Claims the single open-trajectory slot of the youth with this identity hash for {@code trajectory}. */
    public Claim claim(String identityHash, TrajectoryId trajectory) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Document claimed = youths.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", identityHash), Filters.eq("openTrajectoryId", null)),
                    Updates.set("openTrajectoryId", trajectory.value()),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            if (claimed != null) {
                remember(trajectory, identityHash);
                return new Claim(new YouthId(claimed.getString("youthId")), Optional.empty());
            }
            Document existing = youths.find(Filters.eq("_id", identityHash)).first();
            if (existing != null && existing.getString("openTrajectoryId") == null) {
                continue; // released (trajectory closed) between the two reads: claim again
            }
            if (existing != null) {
                return new Claim(new YouthId(existing.getString("youthId")),
                        Optional.of(new TrajectoryId(existing.getString("openTrajectoryId"))));
            }
            YouthId fresh = YouthId.newId();
            try {
                youths.insertOne(new Document("_id", identityHash).append("youthId", fresh.value())
                        .append("openTrajectoryId", trajectory.value()));
                remember(trajectory, identityHash);
                return new Claim(fresh, Optional.empty());
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                // a simultaneous request registered this youth first: look again
            }
        }
        throw new IllegalStateException("could not claim the youth registry entry");
    }

    /** Gives the slot back when opening failed after the claim. */
    public void release(String identityHash, TrajectoryId trajectory) {
        youths.updateOne(Filters.and(Filters.eq("_id", identityHash),
                Filters.eq("openTrajectoryId", trajectory.value())), Updates.set("openTrajectoryId", null));
    }

    /**
     * Forgets the youth on erasure: their identity hashes are pseudonymous personal data too, so afterwards the
     * youth is not "known" any more (a return is a new youth). The links go first, so a repeat after a crash
     * still finds the hashes to remove. Idempotent.
     */
    public void forget(YouthId youth) {
        List<String> identities = youths.find(Filters.eq("youthId", youth.value()))
                .map(entry -> entry.getString("_id")).into(new ArrayList<>());
        if (!identities.isEmpty()) {
            trajectories.deleteMany(Filters.in("identity", identities));
            youths.deleteMany(Filters.in("_id", identities));
        }
    }

    /** A closed trajectory frees the youth for a new one. Idempotent: safe under redelivery and replay. */
    @EventHandler
    void on(TrajectoryClosed event) {
        Document link = trajectories.find(Filters.eq("_id", event.trajectoryId().value())).first();
        if (link != null) {
            release(link.getString("identity"), event.trajectoryId());
        }
    }

    private void remember(TrajectoryId trajectory, String identityHash) {
        trajectories.replaceOne(Filters.eq("_id", trajectory.value()),
                new Document("_id", trajectory.value()).append("identity", identityHash),
                new ReplaceOptions().upsert(true));
    }
}
