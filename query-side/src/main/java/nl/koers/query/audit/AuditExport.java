package nl.koers.query.audit;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Iterator;
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

    /** Writes up to {@code limit} chained events with position &gt;= {@code fromPosition}; returns how many. */
    public long write(long fromPosition, long limit, OutputStream out) throws IOException {
        long head = chain.head().position();
        long written = 0;
        long last = fromPosition - 1;
        List<TrackedEventMessage<?>> batch = new ArrayList<>(BATCH);
        // A read can end early (the JDBC engine reads in index ranges); go on after the last position seen.
        while (written < limit && last < head) {
            long before = last;
            try (Stream<? extends TrackedEventMessage<?>> events = source.readAfter(last)) {
                Iterator<? extends TrackedEventMessage<?>> it = events.iterator();
                while (written + batch.size() < limit && it.hasNext()) {
                    TrackedEventMessage<?> message = it.next();
                    long position = AuditEventSource.position(message);
                    if (position > head) {
                        last = head;
                        break;
                    }
                    last = position;
                    batch.add(message);
                    if (batch.size() == BATCH) {
                        written += flush(batch, out);
                    }
                }
                written += flush(batch, out);
            }
            if (last == before) {
                break;
            }
        }
        out.flush();
        return written;
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
