package nl.koers.query.casefile;

import nl.koers.events.common.TrajectoryEvent;
import nl.koers.events.intervention.InterventionCompleted;
import nl.koers.events.intervention.InterventionPlanned;
import nl.koers.events.intervention.InterventionStarted;
import nl.koers.events.intervention.InterventionStopped;
import org.bson.Document;

import java.util.Map;

/**
 * One intervention as a {@link CaseFile} keeps it: planned, started, completed or stopped, each day with the id of
 * the event that recorded it, so a corrected business date moves the right one.
 */
final class InterventionFacts {
    static final String PLANNED = "PLANNED";
    static final String STARTED = "STARTED";
    static final String COMPLETED = "COMPLETED";
    static final String STOPPED = "STOPPED";

    String interventionId;
    String type;
    String status;
    String plannedOn;
    String plannedEventId;
    String startedOn;
    String startedEventId;
    String endedOn;
    String endedEventId;

    InterventionFacts(String interventionId) {
        this.interventionId = interventionId;
    }

    static boolean concerns(TrajectoryEvent event) {
        return event instanceof InterventionPlanned || event instanceof InterventionStarted
                || event instanceof InterventionCompleted || event instanceof InterventionStopped;
    }

    /** Folds an intervention event into the interventions by id; false for any other event. */
    static boolean apply(Map<String, InterventionFacts> all, TrajectoryEvent event, String eventId) {
        if (event instanceof InterventionPlanned e) {
            InterventionFacts planned = new InterventionFacts(e.interventionId().value());
            planned.type = e.type();
            planned.status = PLANNED;
            planned.plannedOn = e.plannedOn().toString();
            planned.plannedEventId = eventId;
            all.put(planned.interventionId, planned);
        } else if (event instanceof InterventionStarted e) {
            InterventionFacts started = all.computeIfAbsent(e.interventionId().value(), InterventionFacts::new);
            started.type = e.type();
            started.status = STARTED;
            started.startedOn = e.startedOn().toString();
            started.startedEventId = eventId;
        } else if (event instanceof InterventionCompleted e) {
            InterventionFacts known = all.get(e.interventionId().value());
            if (known != null) {
                known.ended(COMPLETED, e.completedOn().toString(), eventId);
            }
        } else if (event instanceof InterventionStopped e) {
            InterventionFacts known = all.get(e.interventionId().value());
            if (known != null) {
                known.ended(STOPPED, e.stoppedOn().toString(), eventId);
            }
        } else {
            return false;
        }
        return true;
    }

    static InterventionFacts from(Document doc) {
        InterventionFacts facts = new InterventionFacts(doc.getString("interventionId"));
        facts.type = doc.getString("type");
        facts.status = doc.getString("status");
        facts.plannedOn = doc.getString("plannedOn");
        facts.plannedEventId = doc.getString("plannedEventId");
        facts.startedOn = doc.getString("startedOn");
        facts.startedEventId = doc.getString("startedEventId");
        facts.endedOn = doc.getString("endedOn");
        facts.endedEventId = doc.getString("endedEventId");
        return facts;
    }

    Document toDocument() {
        return new Document("interventionId", interventionId)
                .append("type", type)
                .append("status", status)
                .append("plannedOn", plannedOn)
                .append("plannedEventId", plannedEventId)
                .append("startedOn", startedOn)
                .append("startedEventId", startedEventId)
                .append("endedOn", endedOn)
                .append("endedEventId", endedEventId);
    }

    void ended(String status, String day, String eventId) {
        this.status = status;
        this.endedOn = day;
        this.endedEventId = eventId;
    }

    /** Moves the day recorded by {@code eventId}; false when this intervention has none. */
    boolean correct(String eventId, String day) {
        if (eventId.equals(plannedEventId)) {
            plannedOn = day;
        } else if (eventId.equals(startedEventId)) {
            startedOn = day;
        } else if (eventId.equals(endedEventId)) {
            endedOn = day;
        } else {
            return false;
        }
        return true;
    }

    AtAGlance.Intervention glance() {
        return new AtAGlance.Intervention(interventionId, type, status, DetentionFacts.date(plannedOn),
                DetentionFacts.date(startedOn), DetentionFacts.date(endedOn));
    }
}
