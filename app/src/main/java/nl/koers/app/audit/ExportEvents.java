package nl.koers.app.audit;

import nl.koers.platform.axon.AxonConfiguration;
import nl.koers.query.audit.AuditRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

/**
 * Turns export lines back into the event messages the live processors receive: the stored payload and metadata,
 * upcast by the same upcaster classes the live event store runs (found as the application finds them, by
 * scanning for {@link EventUpcaster} components, in their declared order) and deserialized by the same serializer.
 * Lines are read one by one and handed on in batches, so the export is never held in memory.
 */
public final class ExportEvents {
    static final int PROGRESS_EVERY = 100_000;
    /**
     * Events per batch handed on: a replayed view writes each document it changed once per batch. Larger batches
     * write less (10 000: the caseload over 100 000 events in 20 s instead of 33 s) but send every scope document
     * they touched in one bulk write, which ran a 1 000 000-event caseload replay out of a 512 MB heap.
     */
    private static final int BATCH = 1_000;

    private final Serializer serializer = AxonConfiguration.jacksonSerializer();
    private final EventUpcaster upcasters = liveUpcasters();

    /** What was read: lines in the export, and events handed on. */
    record Counts(long lines, long delivered) {
    }

    /**
     * Hands every event recorded at or before {@code asOf} that {@code wanted} accepts, in export order and in
     * batches, to {@code handler}; {@code progress} hears the number of lines read every {@value #PROGRESS_EVERY}
     * lines.
     */
    public Counts replay(BufferedReader export, Instant asOf, Predicate<AuditRecord> wanted,
                  Consumer<List<DomainEventMessage<?>>> handler, LongConsumer progress) throws IOException {
        List<GenericDomainEventEntry<byte[]>> batch = new ArrayList<>(BATCH);
        long lines = 0;
        long delivered = 0;
        String text;
        while ((text = export.readLine()) != null) {
            if (text.isBlank()) {
                continue;
            }
            lines++;
            if (lines % PROGRESS_EVERY == 0) {
                progress.accept(lines);
            }
            AuditRecord record = AuditRecord.parse(text);
            if (Instant.parse(record.timestamp()).isAfter(asOf) || !wanted.test(record)) {
                continue;
            }
            batch.add(entry(record));
            if (batch.size() == BATCH) {
                delivered += deliver(batch, handler);
            }
        }
        delivered += deliver(batch, handler);
        return new Counts(lines, delivered);
    }

    private long deliver(List<GenericDomainEventEntry<byte[]>> batch,
                         Consumer<List<DomainEventMessage<?>>> handler) {
        DomainEventStream events = EventStreamUtils.upcastAndDeserializeDomainEvents(batch.stream(), serializer,
                upcasters);
        List<DomainEventMessage<?>> messages = new ArrayList<>(batch.size());
        while (events.hasNext()) {
            messages.add(events.next());
        }
        batch.clear();
        if (!messages.isEmpty()) {
            handler.accept(messages);
        }
        return messages.size();
    }

    /**
     * As the JDBC store keeps an event published outside an aggregate: its own id as aggregate id, sequence 0.
     * The export does not carry the aggregate's type name (no projection reads it); Axon needs one, so it is empty.
     */
    private static GenericDomainEventEntry<byte[]> entry(AuditRecord record) {
        String aggregateId = record.aggregateId() == null ? record.eventId() : record.aggregateId();
        long sequence = record.sequence() == null ? 0 : record.sequence();
        return new GenericDomainEventEntry<>("", aggregateId, sequence, record.eventId(), record.timestamp(),
                record.type(), record.revision(), record.payload().getBytes(StandardCharsets.UTF_8),
                record.metadata().getBytes(StandardCharsets.UTF_8));
    }

    static EventUpcaster liveUpcasters() {
        // Exactly the upcasters the application registers: components that are event upcasters.
        AssignableTypeFilter upcaster = new AssignableTypeFilter(EventUpcaster.class);
        AnnotationTypeFilter component = new AnnotationTypeFilter(Component.class);
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> upcaster.match(reader, factory)
                && component.match(reader, factory));
        List<EventUpcaster> found = new ArrayList<>();
        scanner.findCandidateComponents("nl.koers").forEach(candidate -> {
            try {
                found.add((EventUpcaster) Class.forName(candidate.getBeanClassName()).getDeclaredConstructor()
                        .newInstance());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create the upcaster " + candidate.getBeanClassName(), e);
            }
        });
        AnnotationAwareOrderComparator.sort(found);
        return new EventUpcasterChain(found);
    }
}
