package nl.koers.query.summary;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import nl.koers.events.common.TrajectoryEvent;
import nl.koers.events.trajectory.TrajectoryOpened;
import nl.koers.query.casefile.CaseFile;
import nl.koers.query.common.VersionedDocuments;
import nl.koers.query.common.ViewGenerations;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Events → one summary document per trajectory ({@code _id} = trajectory id): its {@link CaseFile}, folded by the
 * same code that answers a summary "as known at" from the event log. Each document remembers the sequence number it
 * has applied ({@code version}: every event of the trajectory counts, so it equals the trajectory's version) and
 * changes only for a newer event, so redelivery is a no-op. Personal fields stay sealed here; they are opened only
 * when a permitted user reads them.
 */
@Component
@ProcessingGroup(SummaryView.NAME)
public class TrajectorySummaryProjection {
    private final VersionedDocuments summaries;

    public TrajectorySummaryProjection(ViewGenerations generations) {
        this.summaries = new VersionedDocuments(SummaryView.summaries(generations));
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

    /** Every event of a trajectory moves its version on; the opening creates the document. */
    @EventHandler
    void on(TrajectoryEvent e, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        String id = e.trajectoryId().value();
        Document current = summaries.find(id);
        boolean skip = current == null ? !(e instanceof TrajectoryOpened) : VersionedDocuments.applied(current, sequence);
        if (skip) {
            return;
        }
        CaseFile file = CaseFile.from(current);
        file.apply(e, eventId);
        summaries.store(id, sequence, file.toDocument());
    }

    @ResetHandler
    void reset() {
        summaries.clear();
    }
}
