package nl.koers.command.correction;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import nl.koers.command.common.Guards;
import nl.koers.events.common.CommandRefused;
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
 * the last event, what If-Match compares) and the event ids with their types, so corrections and retractions can
 * only point at entries of this trajectory. Recorded history is never edited: a correction or retraction is a new
 * entry that refers to the original.
 * <p>
 * Retraction is for facts recorded in error that no later rule depends on. Entries that moved the trajectory on
 * (opening, phases, close, transfer, caseworker, intervention and once-only detention steps) can be corrected but
 * not retracted, because the trajectory's state would no longer match its visible history.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class EntryLog {
    static final Set<String> STATE_CHANGES = Set.of("TrajectoryOpened", "TrajectoryClosed", "TrajectoryTransferred",
            "CaseworkerAssigned", "DetentionStarted", "DetentionEnded", "AftercareStarted", "NetworkMeetingHeld",
            "StpStarted", "InterventionPlanned", "InterventionStarted", "InterventionCompleted",
            "InterventionStopped");
    static final Set<String> AMENDMENTS = Set.of("EntryCorrected", "EntryRetracted");

    private long version = -1;
    /** Event id → simple type name of every entry of this trajectory. */
    private Map<String, String> types = new HashMap<>();
    private Set<String> retracted = new HashSet<>();

    public long version() {
        return version;
    }

    @CommandHandler
    void handle(CorrectEntry cmd) {
        Guards.required("explanation", cmd.explanation());
        original("eventId", cmd.correctedEventId());
        if (retracted.contains(cmd.correctedEventId())) {
            throw CommandRefused.conflict("entry " + cmd.correctedEventId() + " was retracted");
        }
        apply(new EntryCorrected(cmd.trajectoryId(), cmd.correctedEventId(), cmd.correctedOn(), cmd.newOccurredOn(),
                cmd.explanation(), cmd.recordedBy()));
    }

    @CommandHandler
    void handle(RetractEntry cmd) {
        Guards.required("explanation", cmd.explanation());
        String type = original("eventId", cmd.retractedEventId());
        if (retracted.contains(cmd.retractedEventId())) {
            throw CommandRefused.conflict("entry " + cmd.retractedEventId() + " was already retracted");
        }
        if (STATE_CHANGES.contains(type)) {
            throw CommandRefused.conflict("a " + type + " entry changed the trajectory's state and cannot be "
                    + "retracted; correct it instead");
        }
        apply(new EntryRetracted(cmd.trajectoryId(), cmd.retractedEventId(), cmd.retractedOn(), cmd.explanation(),
                cmd.recordedBy()));
    }

    /** The type of the referenced entry; it must be an original entry of this trajectory. */
    private String original(String field, String eventId) {
        if (eventId == null || eventId.isBlank()) {
            throw CommandRefused.invalid(field, "is required");
        }
        String type = types.get(eventId);
        if (type == null) {
            throw CommandRefused.invalid(field, "is not an entry of this trajectory");
        }
        if (AMENDMENTS.contains(type)) {
            throw CommandRefused.invalid(field, "refers to a correction or retraction; refer to the original entry");
        }
        return type;
    }

    /** Every event of the trajectory passes here: the one place that tracks version and ids. */
    @EventSourcingHandler
    void on(TrajectoryEvent e, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        version = sequence;
        types.put(eventId, e.getClass().getSimpleName());
        if (e instanceof EntryRetracted r) {
            retracted.add(r.retractedEventId());
        }
    }
}
