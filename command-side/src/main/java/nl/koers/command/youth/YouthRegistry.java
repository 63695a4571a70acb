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
import nl.koers.events.common.FocusAreaCode;
import nl.koers.events.common.TrajectoryId;
import nl.koers.events.common.YouthId;
import nl.koers.events.trajectory.TrajectoryClosed;
import nl.koers.events.trajectory.TrajectoryTransferred;
import nl.koers.platform.mongo.NotWaitingForDisk;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The command side's own lookup table for "is this youth already known, and do they have an open trajectory?".
 * Keyed by identity hashes (never a name or BSN), so every check is an atomic operation on {@code _id}: two
 * simultaneous openings for one youth cannot both win. The query side is never asked.
 * <p>
 * A youth with a BSN holds two entries, the BSN's and the name and birth date's, both claimed for their open
 * trajectory: an opening without the BSN finds the youth by name, one with the BSN by number. A name entry
 * remembers the BSN it belongs to, so a namesake with another BSN (same name, same birth date) is another youth.
 * Entries remember the open trajectory's focus area, so a refusal can tell whether the caller may know it.
 * <p>
 * The only owner of its collections ({@value #YOUTHS} and {@value #TRAJECTORIES}): erasure asks it to
 * {@link #forget} a youth rather than deleting from them itself.
 */
@Component
@ProcessingGroup("youth-registry")
public class YouthRegistry {
    /** Identity hash → the youth's id, their open trajectory and its area, if any, and (name entries) the BSN's. */
    static final String YOUTHS = "cmd_youth_registry";
    /** Trajectory id → the identity hashes it was opened for, to free the youth when it closes. */
    static final String TRAJECTORIES = "cmd_youth_registry_trajectories";
    private static final String OPEN = "openTrajectoryId";
    private static final String AREA = "openFocusArea";
    private static final String BSN = "bsnIdentity";
    private final MongoCollection<Document> youths;
    /**
     * The same entries, for writes that need not wait for the disk: a claim's own (its last write, the trajectory's
     * identities, waits and takes them there with it: one file commit per opening instead of one per identity), and
     * the event handlers' (like the processor's token: a crash takes back both, and the event is delivered again).
     */
    private final MongoCollection<Document> youthsNotWaiting;
    private final MongoCollection<Document> trajectories;

    public YouthRegistry(@Qualifier("koers") MongoDatabase database) {
        this.youths = database.getCollection(YOUTHS);
        this.youthsNotWaiting = NotWaitingForDisk.of(youths);
        this.trajectories = database.getCollection(TRAJECTORIES);
    }

    /** A youth's identity hashes: of the BSN (null without one) and of the normalised name and birth date. */
    public record Identity(String bsn, String person) {
        public static Identity of(String hash) {
            return new Identity(null, hash);
        }

        List<String> hashes() {
            return bsn == null ? List.of(person) : List.of(bsn, person);
        }
    }

    /** The outcome of a claim: the youth's (new or known) id, or the trajectory still open and its area. */
    public record Claim(YouthId youthId, Optional<TrajectoryId> openTrajectory, Optional<FocusAreaCode> openArea) {
        public boolean granted() {
            return openTrajectory.isEmpty();
        }
    }

    /** Claims the single open-trajectory slot of the youth with this one identity hash. */
    public Claim claim(String identityHash, TrajectoryId trajectory) {
        return claim(Identity.of(identityHash), trajectory, null);
    }

    /**
     * Claims the open-trajectory slot of every identity of the youth for {@code trajectory} (in {@code area}); all
     * or none. Claiming again for the same trajectory is granted (a retried opening).
     */
    public Claim claim(Identity identity, TrajectoryId trajectory, FocusAreaCode area) {
        Document byBsn = identity.bsn() == null ? null : find(identity.bsn());
        Document byName = find(identity.person());
        boolean nameIsThisYouth = byName != null && sameYouth(byName, identity);
        YouthId youth = byBsn != null ? new YouthId(byBsn.getString("youthId"))
                : nameIsThisYouth ? new YouthId(byName.getString("youthId")) : YouthId.newId();
        List<String> claimed = new ArrayList<>();
        for (String hash : identity.hashes()) {
            boolean nameEntry = hash.equals(identity.person()) && identity.bsn() != null;
            Optional<Document> held = claimOne(hash, trajectory, area, youth, nameEntry ? identity.bsn() : null);
            if (held.isPresent() && !(nameEntry && !sameYouth(held.get(), identity))) {
                claimed.forEach(done -> releaseOne(done, trajectory));
                Document holder = held.get();
                return new Claim(new YouthId(holder.getString("youthId")),
                        Optional.of(new TrajectoryId(holder.getString(OPEN))),
                        Optional.ofNullable(holder.getString(AREA)).map(FocusAreaCode::new));
            }
            if (held.isEmpty()) {
                claimed.add(hash);
            }
        }
        // waits for the disk, and takes the claim's entries there with it (one file, written in order)
        trajectories.replaceOne(Filters.eq("_id", trajectory.value()),
                new Document("_id", trajectory.value()).append("identities", claimed),
                new ReplaceOptions().upsert(true));
        return new Claim(youth, Optional.empty(), Optional.empty());
    }

    /** A name entry is this youth's unless it belongs to another BSN (a namesake born the same day). */
    private static boolean sameYouth(Document nameEntry, Identity identity) {
        String bsn = nameEntry.getString(BSN);
        return identity.bsn() == null || bsn == null || bsn.equals(identity.bsn());
    }

    /** Takes one identity's slot; empty when taken (or already ours), else the entry that holds it. */
    private Optional<Document> claimOne(String hash, TrajectoryId trajectory, FocusAreaCode area, YouthId youth,
                                        String bsnIdentity) {
        String areaCode = area == null ? null : area.value();
        for (int attempt = 0; attempt < 3; attempt++) {
            Document existing = find(hash);
            if (existing != null && existing.getString(OPEN) != null
                    && !existing.getString(OPEN).equals(trajectory.value())) {
                return Optional.of(existing);
            }
            if (existing != null) {
                List<Bson> updates = new ArrayList<>(List.of(Updates.set(OPEN, trajectory.value()),
                        Updates.set(AREA, areaCode)));
                if (bsnIdentity != null && existing.getString(BSN) == null) {
                    updates.add(Updates.set(BSN, bsnIdentity)); // the youth's BSN is known from now on
                }
                Document claimed = youthsNotWaiting.findOneAndUpdate(Filters.and(Filters.eq("_id", hash),
                                Filters.or(Filters.eq(OPEN, null), Filters.eq(OPEN, trajectory.value()))),
                        Updates.combine(updates), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
                if (claimed != null) {
                    return Optional.empty();
                }
                continue; // claimed by another opening between the two reads: look again
            }
            try {
                youthsNotWaiting.insertOne(new Document("_id", hash).append("youthId", youth.value())
                        .append(OPEN, trajectory.value()).append(AREA, areaCode).append(BSN, bsnIdentity));
                return Optional.empty();
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                // a simultaneous request registered this identity first: look again
            }
        }
        throw new IllegalStateException("could not claim the youth registry entry");
    }

    /** Gives the slots back when opening failed after the claim. */
    public void release(Identity identity, TrajectoryId trajectory) {
        identity.hashes().forEach(hash -> releaseOne(hash, trajectory));
    }

    public void release(String identityHash, TrajectoryId trajectory) {
        releaseOne(identityHash, trajectory);
    }

    private void releaseOne(String hash, TrajectoryId trajectory) {
        releaseOne(youths, hash, trajectory);
    }

    private static void releaseOne(MongoCollection<Document> in, String hash, TrajectoryId trajectory) {
        in.updateOne(Filters.and(Filters.eq("_id", hash), Filters.eq(OPEN, trajectory.value())),
                Updates.combine(Updates.set(OPEN, null), Updates.set(AREA, null)));
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
            trajectories.deleteMany(Filters.or(Filters.in("identity", identities),
                    Filters.in("identities", identities)));
            youths.deleteMany(Filters.in("_id", identities));
        }
    }

    /** A closed trajectory frees the youth for a new one. Idempotent: safe under redelivery and replay. */
    @EventHandler
    void on(TrajectoryClosed event) {
        identitiesOf(event.trajectoryId()).forEach(hash -> releaseOne(youthsNotWaiting, hash, event.trajectoryId()));
    }

    /** The open trajectory moved: a later refusal must judge the caller against its new area. */
    @EventHandler
    void on(TrajectoryTransferred event) {
        for (String hash : identitiesOf(event.trajectoryId())) {
            youthsNotWaiting.updateOne(Filters.and(Filters.eq("_id", hash),
                    Filters.eq(OPEN, event.trajectoryId().value())), Updates.set(AREA, event.toFocusArea().value()));
        }
    }

    /** The hashes a trajectory was opened for (links written when a youth had one hash name it as {@code identity}). */
    private List<String> identitiesOf(TrajectoryId trajectory) {
        Document link = trajectories.find(Filters.eq("_id", trajectory.value())).first();
        if (link == null) {
            return List.of();
        }
        List<String> identities = link.getList("identities", String.class);
        return identities != null ? identities : List.of(Objects.requireNonNull(link.getString("identity")));
    }

    private Document find(String hash) {
        return youths.find(Filters.eq("_id", hash)).first();
    }
}
