package nl.koers.query.search;

import nl.koers.platform.web.ApiProblem;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Optional;

/**
 * Whether the search index has caught up with the event log as it was when this process started: until then a
 * search would silently miss youths, so it answers 503 with how far the index is instead. Once caught up it stays
 * ready; later events arrive within moments, as in every view.
 */
@Component
public class CaseIndexProgress {
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private volatile Long target;
    private volatile boolean ready;

    public CaseIndexProgress(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    /** The end of the log at start-up is what "caught up" means. */
    @EventListener(ApplicationReadyEvent.class)
    void rememberTheEndOfTheLog() {
        target();
    }

    /** 503 "search index is being built (n%)" until the index has read the log up to its end at start-up. */
    public void checkReady() {
        if (ready) {
            return;
        }
        long end = target();
        long position = position();
        if (end < 0 || position >= end) {
            ready = true;
            return;
        }
        long percent = Math.max(0, Math.min(99, (position + 1) * 100 / (end + 1)));
        throw ApiProblem.unavailable("search index is being built (" + percent + "%)");
    }

    private long target() {
        Long known = target;
        if (known == null) {
            TrackingToken head = eventStore.createHeadToken();
            known = head == null ? -1 : head.position().orElse(-1);
            target = known;
        }
        return known;
    }

    /** The lowest position the index's segments have handled; -1 before it claims any. */
    private long position() {
        Optional<StreamingEventProcessor> processor = processing.eventProcessor(CaseIndex.NAME,
                StreamingEventProcessor.class);
        Collection<EventTrackerStatus> statuses = processor.map(p -> p.processingStatus().values())
                .orElse(java.util.List.of());
        if (statuses.isEmpty()) {
            return -1;
        }
        return statuses.stream().mapToLong(status -> status.getCurrentPosition().orElse(-1)).min().orElse(-1);
    }
}
