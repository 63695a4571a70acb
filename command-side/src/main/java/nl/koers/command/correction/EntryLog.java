package nl.koers.command.correction;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import nl.koers.command.common.CommandMetadata;
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
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.annotation.MessageIdentifier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Member of the trajectory aggregate that remembers every entry it has recorded: the version (sequence number of
 * the last event, what If-Match compares) and the id, type and {@link EntryKind} of each entry, so corrections and
 * retractions can only point at entries of this trajectory, and only at those their event type allows; and the
 * idempotency key of every keyed command with the version it made, so a retry after a crash is answered instead of
 * recorded again (the key comes with the events' metadata, {@link CommandMetadata#IDEMPOTENCY_KEY}). Recorded
 * history is never edited: a correction or retraction is a new entry that refers to the original.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class EntryLog {
    private long version = -1;
    /** Event id → type and kind of every entry of this trajectory. */
    @JsonIgnore
    private Map<String, Entry> entries = new HashMap<>();
    private Set<String> retracted = new HashSet<>();
    /** Idempotency key (a hash) → the version after the command that carried it. */
    @JsonIgnore
    private Map<String, Long> appliedKeys = new HashMap<>();

    /** One recorded entry: its event's simple type name (for messages) and what may be done to it. */
    record Entry(String type, EntryKind kind) {
    }

    /*
     * In a snapshot the two maps are lists of "key value…" lines: a trajectory of 10 000 entries has 10 000 distinct
     * keys, and Jackson reads every key of a JSON object as a field name (hashed, canonicalised), which made loading
     * such a snapshot several times slower than reading the same data as an array of strings.
     */
    @JsonProperty("entries")
    private List<String> entriesInSnapshot() {
        List<String> lines = new ArrayList<>(entries.size());
        entries.forEach((id, entry) -> lines.add(id + ' ' + entry.type() + ' ' + entry.kind().name()));
        return lines;
    }

    @JsonProperty("entries")
    private void entriesFromSnapshot(List<String> lines) {
        entries = new HashMap<>(lines.size() * 4 / 3 + 1);
        for (String line : lines) {
            // type and kind hold no spaces; read from the end so any event id survives
            int kind = line.lastIndexOf(' ');
            int type = line.lastIndexOf(' ', kind - 1);
            entries.put(line.substring(0, type), new Entry(line.substring(type + 1, kind).intern(),
                    EntryKind.valueOf(line.substring(kind + 1))));
        }
    }

    @JsonProperty("appliedKeys")
    private List<String> appliedKeysInSnapshot() {
        List<String> lines = new ArrayList<>(appliedKeys.size());
        appliedKeys.forEach((key, after) -> lines.add(key + ' ' + after));
        return lines;
    }

    @JsonProperty("appliedKeys")
    private void appliedKeysFromSnapshot(List<String> lines) {
        appliedKeys = new HashMap<>(lines.size() * 4 / 3 + 1);
        for (String line : lines) {
            int space = line.lastIndexOf(' ');
            appliedKeys.put(line.substring(0, space), Long.parseLong(line.substring(space + 1)));
        }
    }

    public long version() {
        return version;
    }

    /** The version the command with this idempotency key made, when one was recorded; else null. */
    public Long versionAfter(String idempotencyKey) {
        return appliedKeys.get(idempotencyKey);
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
    void on(TrajectoryEvent e, @SequenceNumber long sequence, @MessageIdentifier String eventId,
            @MetaDataValue(CommandMetadata.IDEMPOTENCY_KEY) String idempotencyKey) {
        version = sequence;
        if (idempotencyKey != null) {
            appliedKeys.put(idempotencyKey, sequence); // the last event of a command leaves its version
        }
        entries.put(eventId, new Entry(e.getClass().getSimpleName(), e.entryKind()));
        if (e instanceof EntryRetracted r) {
            retracted.add(r.retractedEventId());
        }
    }
}
