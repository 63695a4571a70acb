package nl.koers.query.audit;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Iterator;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Writes a page of the chained event log as JSON Lines: events from the event store, joined by position with
 * their stored links. Both sides are read in batches, so a page of any size streams in constant memory. An event
 * that the store holds but the chain left out (it committed after later events were linked) is written with
 * {@code hash} and {@code previousHash} null: the verifier reports it.
 */
@Component
public class AuditExport {
    private static final int BATCH = 250;
    private static final byte[] NEWLINE = {'\n'};

    private final AuditEventSource source;
    private final AuditChainStore chain;

    public AuditExport(AuditEventSource source, AuditChainStore chain) {
        this.source = source;
        this.chain = chain;
    }

    /** The newest chained event: where a complete export ends. An empty log's head is the genesis hash. */
    public record ChainHead(long position, String hash, String timestamp) {
    }

    public ChainHead head() {
        AuditChainStore.Head head = chain.head();
        if (head.position() < 0) {
            return new ChainHead(-1, AuditRecord.GENESIS, null);
        }
        try (Stream<? extends TrackedEventMessage<?>> events = source.readAfter(head.position() - 1)) {
            String timestamp = events.findFirst().filter(m -> AuditEventSource.position(m) == head.position())
                    .map(m -> source.content(m).timestamp()).orElse(null);
            return new ChainHead(head.position(), head.hash(), timestamp);
        }
    }

    /** Writes up to {@code limit} chained events with position &gt;= {@code fromPosition}; returns how many. */
    public long write(long fromPosition, long limit, OutputStream out) throws IOException {
        List<TrackedEventMessage<?>> batch = new ArrayList<>(BATCH);
        long written = scan(fromPosition, limit, message -> {
            batch.add(message);
            if (batch.size() == BATCH) {
                flush(batch, out);
            }
        });
        flush(batch, out);
        out.flush();
        return written;
    }

    /**
     * Where the page after {@code limit} events from {@code fromPosition} starts: the position of the next chained
     * event, or empty when that page would be the last. Only positions are read, before the page streams.
     */
    public OptionalLong nextPage(long fromPosition, long limit) {
        long[] last = {-1};
        try {
            long seen = scan(fromPosition, limit + 1, message -> last[0] = AuditEventSource.position(message));
            return seen > limit ? OptionalLong.of(last[0]) : OptionalLong.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Visitor {
        void accept(TrackedEventMessage<?> message) throws IOException;
    }

    /** Hands up to {@code limit} chained events from {@code fromPosition} to {@code visitor}; returns how many. */
    private long scan(long fromPosition, long limit, Visitor visitor) throws IOException {
        long head = chain.head().position();
        long seen = 0;
        long last = fromPosition - 1;
        // A read can end early (the JDBC engine reads in index ranges); go on after the last position seen.
        while (seen < limit && last < head) {
            long before = last;
            try (Stream<? extends TrackedEventMessage<?>> events = source.readAfter(last)) {
                Iterator<? extends TrackedEventMessage<?>> it = events.iterator();
                while (seen < limit && it.hasNext()) {
                    TrackedEventMessage<?> message = it.next();
                    long position = AuditEventSource.position(message);
                    if (position > head) {
                        last = head;
                        break;
                    }
                    last = position;
                    visitor.accept(message);
                    seen++;
                }
            }
            if (last == before) {
                break;
            }
        }
        return seen;
    }

    private long flush(List<TrackedEventMessage<?>> batch, OutputStream out) throws IOException {
        List<Long> positions = new ArrayList<>(batch.size());
        for (TrackedEventMessage<?> message : batch) {
            positions.add(AuditEventSource.position(message));
        }
        Map<Long, AuditChainStore.Link> links = chain.links(positions);
        for (TrackedEventMessage<?> message : batch) {
            AuditRecord content = source.content(message);
            AuditChainStore.Link link = links.get(content.position());
            AuditRecord line = link == null ? content
                    : new AuditRecord(content.position(), content.eventId(), content.aggregateId(), content.sequence(),
                    content.type(), content.revision(), content.timestamp(), content.payload(), content.metadata(),
                    link.previousHash(), link.hash());
            out.write(line.toLine().getBytes(StandardCharsets.UTF_8));
            out.write(NEWLINE);
        }
        int count = batch.size();
        batch.clear();
        return count;
    }
}
