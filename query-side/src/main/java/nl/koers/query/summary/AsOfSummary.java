package nl.koers.query.summary;

import nl.koers.events.common.TrajectoryEvent;
import nl.koers.query.casefile.CaseFile;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * A trajectory's case file as it was known at an instant: its events recorded at or before it, read from the
 * event log (never from a snapshot: reading from sequence 0 skips them) and folded in memory by the same
 * {@link CaseFile} code the summary view uses, so a look back in time and the live view cannot drift apart.
 */
@Component
public class AsOfSummary {
    private final EventStore eventStore;

    public AsOfSummary(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The file and the version it was at; empty when nothing of the trajectory was recorded by then. */
    record Known(CaseFile file, long version) {
    }

    Optional<Known> at(String trajectoryId, Instant knownAt) {
        CaseFile file = CaseFile.from(null);
        long version = -1;
        DomainEventStream events = eventStore.readEvents(trajectoryId, 0);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (!event.getTimestamp().isAfter(knownAt) && event.getPayload() instanceof TrajectoryEvent e) {
                file.apply(e, event.getIdentifier());
                version = event.getSequenceNumber();
            }
        }
        return file.opened() ? Optional.of(new Known(file, version)) : Optional.empty();
    }
}
