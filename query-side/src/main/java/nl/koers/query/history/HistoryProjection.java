package nl.koers.query.history;

import nl.koers.events.common.TrajectoryEvent;
import nl.koers.events.trajectory.TrajectoryOpened;
import nl.koers.events.trajectory.TrajectoryTransferred;
import nl.koers.query.common.VersionedDocuments;
import nl.koers.query.common.ViewGenerations;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Events → one history document per trajectory ({@code _id} = trajectory id) holding every entry in order, so a
 * history is one read by {@code _id}. An entry is appended only when its sequence number is newer than the
 * document's {@code version}, so redelivery appends nothing; within a processor batch the document is written
 * once. Corrections are stored as entries of their own and matched to what they correct when read (so
 * {@code knownAt} shows only the corrections known then).
 */
@Component
@ProcessingGroup(HistoryView.NAME)
public class HistoryProjection {
    private final VersionedDocuments histories;

    public HistoryProjection(ViewGenerations generations) {
        this.histories = new VersionedDocuments(HistoryView.histories(generations));
        // Reads go by _id only (the primary key index): no further index is needed.
    }

    @EventHandler
    void on(TrajectoryOpened e, @SequenceNumber long sequence, @MessageIdentifier String eventId,
            @Timestamp Instant recordedAt) {
        histories.insertFirst(e.trajectoryId().value(), sequence, new Document("youthId", e.youthId().value())
                .append("focusArea", e.focusArea() == null ? null : e.focusArea().value())
                .append("entries", List.of(HistoryEntries.entry(e, eventId, sequence, recordedAt))));
    }

    /** The current focus area decides which youth workers may read the history. */
    @EventHandler
    void on(TrajectoryTransferred e, @SequenceNumber long sequence, @MessageIdentifier String eventId,
            @Timestamp Instant recordedAt) {
        append(e, sequence, eventId, recordedAt, history -> history.put("focusArea",
                e.toFocusArea() == null ? null : e.toFocusArea().value()));
    }

    @EventHandler
    void on(TrajectoryEvent e, @SequenceNumber long sequence, @MessageIdentifier String eventId,
            @Timestamp Instant recordedAt) {
        append(e, sequence, eventId, recordedAt, history -> {
        });
    }

    @ResetHandler
    void reset() {
        histories.clear();
    }

    private void append(TrajectoryEvent e, long sequence, String eventId, Instant recordedAt,
                        Consumer<Document> alsoChange) {
        histories.changeIfNew(e.trajectoryId().value(), sequence, history -> {
            List<Document> entries = new ArrayList<>(history.getList("entries", Document.class));
            entries.add(HistoryEntries.entry(e, eventId, sequence, recordedAt));
            history.put("entries", entries);
            alsoChange.accept(history);
        });
    }
}
