package nl.koers.query.summary;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import nl.koers.events.aftercare.AftercareStarted;
import nl.koers.events.common.Phase;
import nl.koers.events.common.TrajectoryEvent;
import nl.koers.events.correction.EntryCorrected;
import nl.koers.events.detention.DetentionEnded;
import nl.koers.events.detention.DetentionStarted;
import nl.koers.events.trajectory.CaseworkerAssigned;
import nl.koers.events.trajectory.TrajectoryClosed;
import nl.koers.events.trajectory.TrajectoryOpened;
import nl.koers.events.trajectory.TrajectoryTransferred;
import nl.koers.query.common.VersionedDocuments;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Events → one summary document per trajectory ({@code _id} = trajectory id). Each document remembers the
 * sequence number it has applied ({@code version}: every event of the trajectory counts, so it equals the
 * trajectory's version), and every update is conditional on being newer, so redelivery is a no-op. Personal
 * fields stay sealed here; they are opened only when a permitted user reads them.
 */
@Component
@ProcessingGroup(TrajectorySummaryProjection.PROCESSING_GROUP)
public class TrajectorySummaryProjection {
    public static final String PROCESSING_GROUP = "trajectory-summary";
    static final String COLLECTION = "view_trajectory_summary";
    private final VersionedDocuments summaries;

    public TrajectorySummaryProjection(@Qualifier("koers") MongoDatabase database) {
        MongoCollection<Document> collection = database.getCollection(COLLECTION);
        this.summaries = new VersionedDocuments(collection);
        createIndexes(collection);
    }

    /** The list's filters, each followed by its sort order (newest opened first, then id). */
    static void createIndexes(MongoCollection<Document> collection) {
        for (String filter : new String[]{"focusArea", "neighbourhood", "gemeente", "caseworker", "phase"}) {
            collection.createIndex(Indexes.compoundIndex(Indexes.ascending(filter), Indexes.descending("openedOn"),
                    Indexes.ascending("_id")), new IndexOptions().name("list_by_" + filter));
        }
        collection.createIndex(Indexes.compoundIndex(Indexes.descending("openedOn"), Indexes.ascending("_id")),
                new IndexOptions().name("list_all"));
    }

    @EventHandler
    void on(TrajectoryOpened e, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        Document youth = new Document("givenName", e.youth().givenName().ciphertext())
                .append("familyName", e.youth().familyName().ciphertext())
                .append("birthDate", e.youth().birthDate().ciphertext());
        summaries.insertFirst(new Document("_id", e.trajectoryId().value())
                .append("youthId", e.youthId().value())
                .append("youth", youth)
                .append("neighbourhood", e.neighbourhood().value())
                .append("focusArea", e.focusArea() == null ? null : e.focusArea().value())
                .append("gemeente", e.neighbourhood().gemeenteCode())
                .append("phase", Phase.PREVENTION.name())
                .append("openedOn", e.openedOn().toString())
                .append("openedEventId", eventId)
                .append("caseworker", null)
                .append(VersionedDocuments.VERSION, sequence));
    }

    @EventHandler
    void on(CaseworkerAssigned e, @SequenceNumber long sequence) {
        apply(e, sequence, Updates.set("caseworker", e.caseworker()));
    }

    @EventHandler
    void on(TrajectoryTransferred e, @SequenceNumber long sequence) {
        apply(e, sequence, Updates.combine(
                Updates.set("neighbourhood", e.toNeighbourhood().value()),
                Updates.set("focusArea", e.toFocusArea() == null ? null : e.toFocusArea().value()),
                Updates.set("gemeente", e.toNeighbourhood().gemeenteCode())));
    }

    @EventHandler
    void on(DetentionStarted e, @SequenceNumber long sequence) {
        apply(e, sequence, Updates.set("phase", Phase.DETENTION.name()));
    }

    @EventHandler
    void on(DetentionEnded e, @SequenceNumber long sequence) {
        // aftercare starts the day the detention ends
        apply(e, sequence, Updates.set("phase", Phase.AFTERCARE.name()));
    }

    @EventHandler
    void on(AftercareStarted e, @SequenceNumber long sequence) {
        apply(e, sequence, Updates.set("phase", Phase.AFTERCARE.name()));
    }

    @EventHandler
    void on(TrajectoryClosed e, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        apply(e, sequence, Updates.combine(Updates.set("phase", Phase.CLOSED.name()),
                Updates.set("closedOn", e.closedOn().toString()),
                Updates.set("closedEventId", eventId),
                Updates.set("closureReason", e.reason().name())));
    }

    /** A corrected business date of the opening or the closing shows in the summary. */
    @EventHandler
    void on(EntryCorrected e, @SequenceNumber long sequence) {
        String id = e.trajectoryId().value();
        Document current = summaries.find(id);
        if (current == null || VersionedDocuments.applied(current, sequence)) {
            return;
        }
        Bson update = Updates.combine();
        if (e.newOccurredOn() != null && e.correctedEventId().equals(current.getString("openedEventId"))) {
            update = Updates.set("openedOn", e.newOccurredOn().toString());
        } else if (e.newOccurredOn() != null && e.correctedEventId().equals(current.getString("closedEventId"))) {
            update = Updates.set("closedOn", e.newOccurredOn().toString());
        }
        summaries.applyIfNew(id, sequence, update);
    }

    /** Every other event of the trajectory still moves its version on. */
    @EventHandler
    void on(TrajectoryEvent e, @SequenceNumber long sequence) {
        summaries.applyIfNew(e.trajectoryId().value(), sequence, Updates.combine());
    }

    @ResetHandler
    void reset() {
        summaries.collection().deleteMany(Filters.empty());
    }

    private void apply(TrajectoryEvent e, long sequence, Bson update) {
        summaries.applyIfNew(e.trajectoryId().value(), sequence, update);
    }
}
