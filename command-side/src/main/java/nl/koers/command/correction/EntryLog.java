package nl.koers.command.correction;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import nl.koers.command.common.Guards;
import nl.koers.events.common.CommandRefused;
import nl.koers.events.common.EntryKind;
import nl.koers.events.common.TrajectoryEvent;
import nl.koers.events.correction.CorrectEntry;
import nl.koers.events.correction.EntryCorrected;
import nl.koers.events.correction.EntryRetracted;
import nl.koers.events.correction.RetractEntry;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Member of the trajectory aggregate that remembers every entry it has recorded: the version (sequence number of
 * the last event, what If-Match compares) and the id, type and {@link EntryKind} of each entry, so corrections and
 * retractions can only point at entries of this trajectory, and only at those their event type allows. Recorded
 * history is never edited: a correction or retraction is a new entry that refers to the original.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class EntryLog {
    private long version = -1;
    /** Event id → type and kind of every entry of this trajectory. */
    private Map<String, Entry> entries = new HashMap<>();
    private Set<String> retracted = new HashSet<>();

    /** One recorded entry: its event's simple type name (for messages) and what may be done to it. */
    record Entry(String type, EntryKind kind) {
    }

    public long version() {
        return version;
    }

    @CommandHandler
    void handle(CorrectEntry cmd) {
        Guards.required("explanation", cmd.explanation());
        original(cmd.correctedEventId());
        if (retracted.contains(cmd.correctedEventId())) {
            throw CommandRefused.conflict("entry " + cmd.correctedEventId() + " was retracted");
        }
        apply(new EntryCorrected(cmd.trajectoryId(), cmd.correctedEventId(), cmd.correctedOn(), cmd.newOccurredOn(),
                cmd.explanation(), cmd.recordedBy()));
    }

    @CommandHandler
    void handle(RetractEntry cmd) {
        Guards.required("explanation", cmd.explanation());
        Entry entry = original(cmd.retractedEventId());
        if (retracted.contains(cmd.retractedEventId())) {
            throw CommandRefused.conflict("entry " + cmd.retractedEventId() + " was already retracted");
        }
        if (!entry.kind().retractable()) {
            throw CommandRefused.conflict("a " + entry.type() + " entry changed the trajectory's state and cannot be "
                    + "retracted; correct it instead");
        }
        apply(new EntryRetracted(cmd.trajectoryId(), cmd.retractedEventId(), cmd.retractedOn(), cmd.explanation(),
                cmd.recordedBy()));
    }

    /** The referenced entry; it must be an entry of this trajectory that can be corrected (not an amendment). */
    private Entry original(String eventId) {
        if (eventId == null || eventId.isBlank()) {
            throw CommandRefused.invalid("eventId", "is required");
        }
        Entry entry = entries.get(eventId);
        if (entry == null) {
            throw CommandRefused.invalid("eventId", "is not an entry of this trajectory");
        }
        if (!entry.kind().correctable()) {
            throw CommandRefused.invalid("eventId", "refers to a correction or retraction; refer to the original "
                    + "entry");
        }
        return entry;
    }

    /** Every event of the trajectory passes here: the one place that tracks version and ids. */
    @EventSourcingHandler
    void on(TrajectoryEvent e, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        version = sequence;
        entries.put(eventId, new Entry(e.getClass().getSimpleName(), e.entryKind()));
        if (e instanceof EntryRetracted r) {
            retracted.add(r.retractedEventId());
        }
    }
}
