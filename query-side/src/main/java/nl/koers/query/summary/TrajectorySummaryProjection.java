package nl.koers.query.summary;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
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
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;

/**
 * Events → one summary document per trajectory ({@code _id} = trajectory id). Each document remembers the
 * sequence number it has applied ({@code version}: every event of the trajectory counts, so it equals the
 * trajectory's version) and changes only for a newer event, so redelivery is a no-op. Personal
 * fields stay sealed here; they are opened only when a permitted user reads them.
 */
@Component
@ProcessingGroup(SummaryView.NAME)
public class TrajectorySummaryProjection {
    private final VersionedDocuments summaries;

    public TrajectorySummaryProjection(@Qualifier("koers") MongoDatabase database) {
        MongoCollection<Document> collection = database.getCollection(SummaryView.COLLECTION);
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
        summaries.insertFirst(e.trajectoryId().value(), sequence, new Document("youthId", e.youthId().value())
                .append("youth", youth)
                .append("neighbourhood", e.neighbourhood().value())
                .append("focusArea", e.focusArea() == null ? null : e.focusArea().value())
                .append("gemeente", e.neighbourhood().gemeenteCode())
                .append("phase", Phase.PREVENTION.name())
                .append("openedOn", e.openedOn().toString())
                .append("openedEventId", eventId)
                .append("caseworker", null));
    }

    @EventHandler
    void on(CaseworkerAssigned e, @SequenceNumber long sequence) {
        change(e, sequence, s -> s.put("caseworker", e.caseworker()));
    }

    @EventHandler
    void on(TrajectoryTransferred e, @SequenceNumber long sequence) {
        change(e, sequence, s -> {
            s.put("neighbourhood", e.toNeighbourhood().value());
            s.put("focusArea", e.toFocusArea() == null ? null : e.toFocusArea().value());
            s.put("gemeente", e.toNeighbourhood().gemeenteCode());
        });
    }

    @EventHandler
    void on(DetentionStarted e, @SequenceNumber long sequence) {
        change(e, sequence, s -> s.put("phase", Phase.DETENTION.name()));
    }

    @EventHandler
    void on(DetentionEnded e, @SequenceNumber long sequence) {
        // aftercare starts the day the detention ends
        change(e, sequence, s -> s.put("phase", Phase.AFTERCARE.name()));
    }

    @EventHandler
    void on(AftercareStarted e, @SequenceNumber long sequence) {
        change(e, sequence, s -> s.put("phase", Phase.AFTERCARE.name()));
    }

    @EventHandler
    void on(TrajectoryClosed e, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        change(e, sequence, s -> {
            s.put("phase", Phase.CLOSED.name());
            s.put("closedOn", e.closedOn().toString());
            s.put("closedEventId", eventId);
            s.put("closureReason", e.reason().name());
        });
    }

    /** A corrected business date of the opening or the closing shows in the summary. */
    @EventHandler
    void on(EntryCorrected e, @SequenceNumber long sequence) {
        change(e, sequence, s -> {
            if (e.newOccurredOn() == null) {
                return;
            }
            if (e.correctedEventId().equals(s.getString("openedEventId"))) {
                s.put("openedOn", e.newOccurredOn().toString());
            } else if (e.correctedEventId().equals(s.getString("closedEventId"))) {
                s.put("closedOn", e.newOccurredOn().toString());
            }
        });
    }

    /** Every other event of the trajectory still moves its version on. */
    @EventHandler
    void on(TrajectoryEvent e, @SequenceNumber long sequence) {
        change(e, sequence, s -> {
        });
    }

    @ResetHandler
    void reset() {
        summaries.clear();
    }

    private void change(TrajectoryEvent e, long sequence, Consumer<Document> change) {
        summaries.changeIfNew(e.trajectoryId().value(), sequence, change);
    }
}
