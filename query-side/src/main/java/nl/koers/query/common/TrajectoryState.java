package nl.koers.query.common;

import org.bson.Document;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a view that counts trajectories per scope keeps of one trajectory ({@link ScopedStates}): at least the days it
 * opened and closed, each with the id of the event that recorded it, so a correction of that event moves the day.
 */
public abstract class TrajectoryState {
    protected String openedOn;
    protected String openedEventId;
    protected String closedOn;
    protected String closedEventId;

    /** The {@code _id} of the scope document the trajectory counts in; {@code null}: nowhere (yet). */
    public abstract String scope();

    /** What the trajectory counts as in its scope; {@code null}: nothing. */
    public abstract Document entry();

    /** The state as stored: a new document that shares nothing with this state. */
    public abstract Document toDocument();

    /** A retracted entry no longer counts: forget what was kept of the event. */
    public abstract void retract(String eventId);

    /** What else was kept of a corrected event (a contact, a release) moves to its new day. */
    protected abstract void correctOther(String eventId, String day);

    public void opened(String day, String eventId) {
        openedOn = day;
        openedEventId = eventId;
    }

    public void closed(String day, String eventId) {
        closedOn = day;
        closedEventId = eventId;
    }

    /** A corrected business date moves the opening, the closing or whatever else was kept of the event. */
    public void correct(String eventId, String day) {
        if (eventId.equals(openedEventId)) {
            openedOn = day;
        } else if (eventId.equals(closedEventId)) {
            closedOn = day;
        } else {
            correctOther(eventId, day);
        }
    }

    protected void readDates(Document stored) {
        openedOn = stored.getString("openedOn");
        openedEventId = stored.getString("openedEventId");
        closedOn = stored.getString("closedOn");
        closedEventId = stored.getString("closedEventId");
    }

    /** Appends the opening and closing to a state being stored, in the order they are stored. */
    protected Document appendDates(Document state) {
        return state.append("openedOn", openedOn)
                .append("openedEventId", openedEventId)
                .append("closedOn", closedOn)
                .append("closedEventId", closedEventId);
    }

    /** Business dates by event id (contacts, police contacts), as kept so a correction can move one. */
    protected static Map<String, String> datesByEvent(Document stored, String field) {
        Map<String, String> dates = new LinkedHashMap<>();
        Document kept = stored.get(field, Document.class);
        if (kept != null) {
            kept.forEach((eventId, day) -> dates.put(eventId, (String) day));
        }
        return dates;
    }
}
