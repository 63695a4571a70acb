package nl.koers.query.caseload;

import nl.koers.events.common.Phase;
import org.bson.Document;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the caseload needs to know of one trajectory, stored per trajectory ({@code _id} = trajectory id), and
 * the entry it keeps in the document of its wijk.
 */
final class CaseloadState {
    String wijk;
    String focusArea;
    String gemeente;
    String phase;
    String caseworker;
    String openedOn;
    String openedEventId;
    String closedOn;
    String closedEventId;
    String detentionStartedOn;
    String detentionEventId;
    boolean meetingHeld;
    /** Contacts by event id → business date, so a correction or retraction can move or remove one. */
    Map<String, String> contacts = new LinkedHashMap<>();

    static CaseloadState from(Document doc) {
        CaseloadState state = new CaseloadState();
        if (doc == null) {
            return state;
        }
        state.wijk = doc.getString("wijk");
        state.focusArea = doc.getString("focusArea");
        state.gemeente = doc.getString("gemeente");
        state.phase = doc.getString("phase");
        state.caseworker = doc.getString("caseworker");
        state.openedOn = doc.getString("openedOn");
        state.openedEventId = doc.getString("openedEventId");
        state.closedOn = doc.getString("closedOn");
        state.closedEventId = doc.getString("closedEventId");
        state.detentionStartedOn = doc.getString("detentionStartedOn");
        state.detentionEventId = doc.getString("detentionEventId");
        state.meetingHeld = Boolean.TRUE.equals(doc.getBoolean("meetingHeld"));
        Document contacts = doc.get("contacts", Document.class);
        if (contacts != null) {
            contacts.forEach((id, date) -> state.contacts.put(id, (String) date));
        }
        return state;
    }

    CaseloadState copy() {
        return from(toDocument());
    }

    Document toDocument() {
        return new Document("wijk", wijk)
                .append("focusArea", focusArea)
                .append("gemeente", gemeente)
                .append("phase", phase)
                .append("caseworker", caseworker)
                .append("openedOn", openedOn)
                .append("openedEventId", openedEventId)
                .append("closedOn", closedOn)
                .append("closedEventId", closedEventId)
                .append("detentionStartedOn", detentionStartedOn)
                .append("detentionEventId", detentionEventId)
                .append("meetingHeld", meetingHeld)
                .append("contacts", new Document(contacts));
    }

    boolean opened() {
        return wijk != null;
    }

    boolean active() {
        return opened() && !Phase.CLOSED.name().equals(phase);
    }

    /** The last contact, or the opening when there was none: the start of "without contact". */
    String lastContactOrOpening() {
        return contacts.values().stream().max(String::compareTo).orElse(openedOn);
    }

    /** The wijk document this trajectory counts in ({@code null} before it opened). */
    String scope() {
        return opened() ? CaseloadScope.neighbourhood(wijk).counterId() : null;
    }

    /**
     * What the trajectory counts as in its wijk: the facts the caseload figures are computed from when read
     * (date windows depend on "today", so dates are kept, not precomputed answers).
     */
    Document entry() {
        if (!opened()) {
            return null;
        }
        Document entry = new Document("focusArea", focusArea)
                .append("phase", phase)
                .append("openedOn", openedOn)
                .append("closedOn", closedOn)
                .append("caseworker", caseworker);
        if (active()) {
            entry.append("lastContact", lastContactOrOpening());
            if (Phase.DETENTION.name().equals(phase) && !meetingHeld && detentionStartedOn != null) {
                entry.append("awaitingMeetingSince", detentionStartedOn);
            }
        }
        return entry;
    }
}
