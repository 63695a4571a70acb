package nl.koers.query.trajectorypage;

import nl.koers.events.aftercare.AftercareStarted;
import nl.koers.events.aftercare.BasicConditionAssessed;
import nl.koers.events.assessment.RiskAssessmentRecorded;
import nl.koers.events.common.EntryKind;
import nl.koers.events.contact.ContactRecorded;
import nl.koers.events.contact.PoliceContactRecorded;
import nl.koers.events.correction.EntryCorrected;
import nl.koers.events.correction.EntryRetracted;
import nl.koers.events.detention.DetentionEnded;
import nl.koers.events.detention.DetentionStarted;
import nl.koers.events.detention.NetworkMeetingHeld;
import nl.koers.events.detention.PerspectiefplanSet;
import nl.koers.events.detention.StpStarted;
import nl.koers.events.detention.TrajectoryMeetingHeld;
import nl.koers.events.intervention.InterventionCompleted;
import nl.koers.events.intervention.InterventionPlanned;
import nl.koers.events.intervention.InterventionStarted;
import nl.koers.events.intervention.InterventionStopped;
import nl.koers.events.outcome.OutcomeRecorded;
import nl.koers.events.common.TrajectoryEvent;
import nl.koers.events.trajectory.CaseworkerAssigned;
import nl.koers.events.trajectory.TrajectoryClosed;
import nl.koers.events.trajectory.TrajectoryOpened;
import nl.koers.events.trajectory.TrajectoryTransferred;
import nl.koers.events.common.BusinessCalendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The history as the page shows it: newest first (a worker acts on what happened last; the opening is always
 * at the bottom, one scroll away), each entry with its details in words and, on the entry itself, whether it
 * was corrected or retracted and by which later entry. Whether an entry may be corrected or retracted comes
 * from its event type ({@link EntryKind}), the rule the write side enforces.
 */
public final class Timeline {
    /** The envelope and the fields shown elsewhere (the date is the entry's own, ids are links). */
    private static final Set<String> NOT_DETAILS = Set.of("eventId", "sequence", "type", "occurredOn", "recordedAt",
            "recordedBy", "correctedBy", "correctedOccurredOn", "retracted", "retractedBy", "youthId",
            "correctedEventId", "retractedEventId", "interventionId", "focusArea", "toFocusArea", "ageAtOpening");

    private static final Map<String, EntryKind> KINDS = Stream.of(TrajectoryOpened.class, CaseworkerAssigned.class,
                    TrajectoryTransferred.class, TrajectoryClosed.class, ContactRecorded.class,
                    PoliceContactRecorded.class, RiskAssessmentRecorded.class, BasicConditionAssessed.class,
                    AftercareStarted.class, DetentionStarted.class, DetentionEnded.class, NetworkMeetingHeld.class,
                    PerspectiefplanSet.class, TrajectoryMeetingHeld.class, StpStarted.class,
                    InterventionPlanned.class, InterventionStarted.class, InterventionCompleted.class,
                    InterventionStopped.class, OutcomeRecorded.class, EntryCorrected.class, EntryRetracted.class)
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Timeline::kindOf));

    private Timeline() {
    }

    /** One detail of an entry: a message key for its name and the value as shown. */
    public record Detail(String field, Object value) {
    }

    /** An amendment as its target shows it: when, and the amending entry's id (an anchor on the page). */
    public record Amendment(String eventId, String on, String explanation, String newOccurredOn) {
    }

    public record Entry(String eventId, long sequence, String type, String occurredOn, LocalDateTime recordedAt,
                 String recordedBy, List<Detail> details, List<Amendment> corrections, Amendment retraction,
                 String amends, boolean correctable, boolean retractable) {
        public boolean retracted() {
            return retraction != null;
        }
    }

    static List<Entry> of(List<Map<String, Object>> entries) {
        Map<String, Map<String, Object>> byId = entries.stream()
                .collect(Collectors.toMap(e -> (String) e.get("eventId"), e -> e, (a, b) -> a));
        List<Entry> shown = new ArrayList<>();
        for (Map<String, Object> entry : entries) {
            String type = (String) entry.get("type");
            EntryKind kind = KINDS.get(type);
            List<Detail> details = entry.entrySet().stream().filter(e -> !NOT_DETAILS.contains(e.getKey()))
                    .filter(e -> e.getValue() != null && !(e.getKey().endsWith("On") && e.getValue().equals(entry.get("occurredOn"))))
                    .map(e -> new Detail(e.getKey(), e.getValue())).toList();
            @SuppressWarnings("unchecked")
            List<String> correctedBy = (List<String>) entry.getOrDefault("correctedBy", List.of());
            List<Amendment> corrections = correctedBy.stream().map(byId::get).map(Timeline::amendment).toList();
            Object retractedBy = entry.get("retractedBy");
            Amendment retraction = retractedBy == null ? null : amendment(byId.get(retractedBy.toString()));
            Object amends = entry.containsKey("correctedEventId") ? entry.get("correctedEventId")
                    : entry.get("retractedEventId");
            shown.add(new Entry((String) entry.get("eventId"), ((Number) entry.get("sequence")).longValue(), type,
                    (String) entry.get("occurredOn"), local((String) entry.get("recordedAt")),
                    (String) entry.get("recordedBy"), details, corrections, retraction,
                    amends == null ? null : amends.toString(),
                    kind != null && kind.correctable() && retraction == null,
                    kind != null && kind.retractable() && retraction == null));
        }
        Collections.reverse(shown);
        return shown;
    }

    private static Amendment amendment(Map<String, Object> entry) {
        if (entry == null) {
            return null;
        }
        Object newDate = entry.get("newOccurredOn");
        return new Amendment((String) entry.get("eventId"), (String) entry.get("occurredOn"),
                (String) entry.get("explanation"), newDate == null ? null : newDate.toString());
    }

    private static LocalDateTime local(String instant) {
        return instant == null ? null : LocalDateTime.ofInstant(Instant.parse(instant), BusinessCalendar.ZONE);
    }

    private static EntryKind kindOf(Class<?> type) {
        if (TrajectoryEvent.Fact.class.isAssignableFrom(type)) {
            return EntryKind.FACT;
        }
        if (TrajectoryEvent.StateChange.class.isAssignableFrom(type)) {
            return EntryKind.STATE_CHANGE;
        }
        return EntryKind.AMENDMENT;
    }
}
