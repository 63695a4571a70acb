package nl.koers.query.casefile;

import nl.koers.events.detention.DetentionStarted;
import nl.koers.events.detention.DetentionType;
import org.bson.Document;

import java.time.LocalDate;

/**
 * The detention in progress as a {@link CaseFile} keeps it: its start, the network meeting and the STP, each with
 * the id of the event that recorded it, so a corrected business date moves the right one.
 */
final class DetentionFacts {
    String type;
    String facility;
    String startedOn;
    String startedEventId;
    String meetingHeldOn;
    String meetingEventId;
    String stpStartedOn;
    String stpEventId;

    static DetentionFacts started(DetentionStarted e, String eventId) {
        DetentionFacts facts = new DetentionFacts();
        facts.type = e.type().name();
        facts.facility = e.facility();
        facts.startedOn = e.startedOn().toString();
        facts.startedEventId = eventId;
        return facts;
    }

    static DetentionFacts from(Document doc) {
        if (doc == null) {
            return null;
        }
        DetentionFacts facts = new DetentionFacts();
        facts.type = doc.getString("type");
        facts.facility = doc.getString("facility");
        facts.startedOn = doc.getString("startedOn");
        facts.startedEventId = doc.getString("startedEventId");
        facts.meetingHeldOn = doc.getString("meetingHeldOn");
        facts.meetingEventId = doc.getString("meetingEventId");
        facts.stpStartedOn = doc.getString("stpStartedOn");
        facts.stpEventId = doc.getString("stpEventId");
        return facts;
    }

    Document toDocument() {
        return new Document("type", type)
                .append("facility", facility)
                .append("startedOn", startedOn)
                .append("startedEventId", startedEventId)
                .append("meetingHeldOn", meetingHeldOn)
                .append("meetingEventId", meetingEventId)
                .append("stpStartedOn", stpStartedOn)
                .append("stpEventId", stpEventId);
    }

    /** Moves the start, the meeting or the STP recorded by {@code eventId}; false when none was. */
    boolean correct(String eventId, String day) {
        if (eventId.equals(startedEventId)) {
            startedOn = day;
        } else if (eventId.equals(meetingEventId)) {
            meetingHeldOn = day;
        } else if (eventId.equals(stpEventId)) {
            stpStartedOn = day;
        } else {
            return false;
        }
        return true;
    }

    AtAGlance.Detention glance() {
        LocalDate start = LocalDate.parse(startedOn);
        return new AtAGlance.Detention(DetentionType.valueOf(type), facility, start,
                start.plusDays(CaseFile.NETWORK_MEETING_DAYS), date(meetingHeldOn), date(stpStartedOn));
    }

    static LocalDate date(String day) {
        return day == null ? null : LocalDate.parse(day);
    }
}
