package nl.koers.app.audit;

import nl.koers.events.common.TrajectoryEvent;
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

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
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
     * Events per batch handed on: a replayed view writes each document it changed once per batch, and a batch is
     * one unit of work, its events and the documents it changed held in memory. A sliced replay's slices are
     * smaller than this ({@code ReplayCommand#BYTES_PER_SLICE}), so each slice is one batch: a 1 000 000-event
     * caseload replay in 30 slices took 83–112 s with batches of 50 000, 102 s with 20 000 in 20 slices, and over
     * 10 minutes without slices in batches of 1 000 (all trajectories' states in memory at once).
     */
    private static final int BATCH = 50_000;
    /** The most slices a replay can have; a line's slice is noted in a byte. */
    public static final int MAX_SLICES = 100;
    private static final byte NOT_REPLAYED = -1;
    private static final byte EVERY_SLICE = -2;

    private final Serializer serializer = AxonConfiguration.jacksonSerializer();
    private final EventUpcaster upcasters = liveUpcasters();

    /** What was read: lines in the export, and events handed on. */
    record Counts(long lines, long delivered) {
    }

    /** Opens the export, once per pass over it. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    /**
     * Hands every event recorded at or before {@code asOf} that {@code wanted} accepts, in export order and in
     * batches, to {@code handler}; {@code progress} hears the number of lines read every {@value #PROGRESS_EVERY}
     * lines.
     */
    public Counts replay(Source export, Instant asOf, Predicate<AuditRecord> wanted,
                  Consumer<List<DomainEventMessage<?>>> handler, LongConsumer progress) throws IOException {
        return replayInSlices(export, 1, asOf, wanted, handler, slice -> { }, progress);
    }

    /**
     * As {@link #replay}, in {@code slices} passes over the export: each pass hands on the events of one slice of
     * the aggregates ({@link #sliceOf}), in export order, plus every event outside an aggregate, and then tells
     * {@code sliceDone} which slice it was. A view whose documents each follow from one trajectory can so be built
     * with the states of one slice in memory at a time. The first pass reads every record and notes which slice
     * each line belongs to; later passes read only the records of their own slice.
     */
    public Counts replayInSlices(Source export, int slices, Instant asOf, Predicate<AuditRecord> wanted,
                                 Consumer<List<DomainEventMessage<?>>> handler, IntConsumer sliceDone,
                                 LongConsumer progress) throws IOException {
        if (slices < 1 || slices > MAX_SLICES) {
            throw new IllegalArgumentException("between 1 and " + MAX_SLICES + " slices, not " + slices);
        }
        LineMarks marks = new LineMarks();
        long delivered = 0;
        for (int slice = 0; slice < slices; slice++) {
            List<GenericDomainEventEntry<byte[]>> batch = new ArrayList<>(BATCH);
            int line = 0;
            try (ExportLines lines = new ExportLines(export.open())) {
                while (lines.next()) {
                    if (lines.blank()) {
                        continue;
                    }
                    AuditRecord record = null;
                    byte mark;
                    if (slice == 0) {
                        if ((line + 1) % PROGRESS_EVERY == 0) {
                            progress.accept(line + 1);
                        }
                        record = AuditRecord.parse(lines.text());
                        mark = mark(record, asOf, wanted, slices);
                        marks.add(mark);
                    } else if (line < marks.size()) {
                        mark = marks.get(line);
                    } else {
                        throw changed(slice);
                    }
                    line++;
                    if (mark == slice || mark == EVERY_SLICE) {
                        batch.add(entry(record != null ? record : AuditRecord.parse(lines.text())));
                        if (batch.size() == BATCH) {
                            delivered += deliver(batch, handler, slices > 1);
                        }
                    }
                }
            }
            if (line != marks.size()) {
                throw changed(slice);
            }
            delivered += deliver(batch, handler, slices > 1);
            sliceDone.accept(slice);
        }
        return new Counts(marks.size(), delivered);
    }

    /**
     * The slice of {@code slices} an aggregate's events are replayed in: all events of one aggregate in one slice,
     * the aggregates spread evenly.
     */
    static int sliceOf(String aggregateId, int slices) {
        return Math.floorMod(aggregateId.hashCode(), slices);
    }

    private static byte mark(AuditRecord record, Instant asOf, Predicate<AuditRecord> wanted, int slices) {
        if (Instant.parse(record.timestamp()).isAfter(asOf) || !wanted.test(record)) {
            return NOT_REPLAYED;
        }
        return record.aggregateId() == null ? EVERY_SLICE : (byte) sliceOf(record.aggregateId(), slices);
    }

    private static IOException changed(int slice) {
        return new IOException("the export changed while it was replayed (pass " + (slice + 1)
                + " read other lines than the first)");
    }

    /**
     * Deserializes and hands on a batch. In a sliced replay a trajectory's events must be its aggregate's (they
     * are sliced by aggregate): one that is not would be replayed apart from the rest of its trajectory.
     */
    private long deliver(List<GenericDomainEventEntry<byte[]>> batch,
                         Consumer<List<DomainEventMessage<?>>> handler, boolean sliced) {
        DomainEventStream events = EventStreamUtils.upcastAndDeserializeDomainEvents(batch.stream(), serializer,
                upcasters);
        List<DomainEventMessage<?>> messages = new ArrayList<>(batch.size());
        while (events.hasNext()) {
            DomainEventMessage<?> message = events.next();
            if (sliced && message.getPayload() instanceof TrajectoryEvent event
                    && !event.trajectoryId().value().equals(message.getAggregateIdentifier())) {
                throw new IllegalStateException("event " + message.getIdentifier() + " of a trajectory is stored "
                        + "under another aggregate; replay this export with --slices 1");
            }
            messages.add(message);
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

    /** One byte per record line of the export: its slice, or that it is replayed in every slice or in none. */
    private static final class LineMarks {
        private byte[] marks = new byte[1 << 16];
        private int size;

        void add(byte mark) {
            if (size == marks.length) {
                marks = Arrays.copyOf(marks, marks.length * 2);
            }
            marks[size++] = mark;
        }

        byte get(int line) {
            return marks[line];
        }

        int size() {
            return size;
        }
    }
}
