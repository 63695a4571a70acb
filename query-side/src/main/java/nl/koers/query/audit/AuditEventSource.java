package nl.koers.query.audit;

import nl.koers.platform.hashchain.CanonicalJson;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads the event log in global order, from any position, exactly as stored: no upcasters run here, because the
 * chain must not change when an upcaster is added. {@link AuditLogConfiguration} picks the reader for the event
 * store in use. Each event becomes the unhashed content of an {@link AuditRecord}: payload and metadata as stored,
 * only brought into canonical JSON.
 */
public class AuditEventSource {
    private final Function<TrackingToken, Stream<? extends TrackedEventMessage<?>>> reader;
    private final boolean gapAware;
    private final Serializer serializer;

    /**
     * @param reader   the events after a token ({@code null}: from the start), ending where the log ends now
     * @param gapAware whether the store tracks with gap-aware tokens (JDBC) or plain global sequences (Axon Server)
     */
    public AuditEventSource(Function<TrackingToken, Stream<? extends TrackedEventMessage<?>>> reader,
                            boolean gapAware, Serializer serializer) {
        this.reader = reader;
        this.gapAware = gapAware;
        this.serializer = serializer;
    }

    /** The events after {@code position} ({@code -1}: from the start) in global order; close it when done. */
    public Stream<? extends TrackedEventMessage<?>> readAfter(long position) {
        return reader.apply(tokenAfter(position));
    }

    TrackingToken tokenAfter(long position) {
        if (position < 0) {
            return null;
        }
        return gapAware ? GapAwareTrackingToken.newInstance(position, List.of())
                : new GlobalSequenceTrackingToken(position);
    }

    /** The global position of a message read in order from a fresh stream. */
    public static long position(TrackedEventMessage<?> message) {
        OptionalLong position = message.trackingToken().position();
        if (position.isEmpty()) {
            throw new IllegalStateException("the event store gave a token without a position");
        }
        return position.getAsLong();
    }

    /**
     * Whether every position below this message's is settled: no earlier insert may still commit. The JDBC engine
     * keeps such positions as gaps in the token until they are filled or older than its gap timeout.
     */
    public static boolean settled(TrackedEventMessage<?> message) {
        return !(message.trackingToken() instanceof GapAwareTrackingToken token) || !token.hasGaps();
    }

    /** The record of this event at its position, not yet linked into the chain. */
    public AuditRecord content(TrackedEventMessage<?> message) {
        SerializedObject<byte[]> payload = message.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metadata = message.serializeMetaData(serializer, byte[].class);
        String aggregateId = null;
        Long sequence = null;
        if (message instanceof DomainEventMessage<?> domain) {
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        return new AuditRecord(position(message), message.getIdentifier(), aggregateId, sequence,
                payload.getType().getName(), payload.getType().getRevision(), message.getTimestamp().toString(),
                CanonicalJson.canonicalize(payload.getData()), CanonicalJson.canonicalize(metadata.getData()),
                null, null);
    }
}
