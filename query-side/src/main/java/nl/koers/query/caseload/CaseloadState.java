package nl.koers.query.caseload;

import nl.koers.events.common.Phase;
import nl.koers.query.common.TrajectoryState;
import org.bson.Document;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the caseload needs to know of one trajectory, stored per trajectory ({@code _id} = trajectory id), and
 * the entry it keeps in the document of its wijk.
 */
final class CaseloadState extends TrajectoryState {
    String wijk;
    String focusArea;
    String gemeente;
    String phase;
    String caseworker;
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
        state.readDates(doc);
        state.detentionStartedOn = doc.getString("detentionStartedOn");
        state.detentionEventId = doc.getString("detentionEventId");
        state.meetingHeld = Boolean.TRUE.equals(doc.getBoolean("meetingHeld"));
        state.contacts = datesByEvent(doc, "contacts");
        return state;
    }

    @Override
    public Document toDocument() {
        return appendDates(new Document("wijk", wijk)
                .append("focusArea", focusArea)
                .append("gemeente", gemeente)
                .append("phase", phase)
                .append("caseworker", caseworker))
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

    /** Into or out of a detention: a detention that starts waits for its network meeting. */
    void enter(Phase next, String detentionStartedOn, String detentionEventId) {
        this.phase = next.name();
        this.detentionStartedOn = detentionStartedOn;
        this.detentionEventId = detentionEventId;
        this.meetingHeld = false;
    }

    /** The detention start or a contact moves to its corrected day. */
    @Override
    protected void correctOther(String eventId, String day) {
        if (eventId.equals(detentionEventId)) {
            detentionStartedOn = day;
        } else if (contacts.containsKey(eventId)) {
            contacts.put(eventId, day);
        }
    }

    /** A retracted contact no longer counts as contact. */
    @Override
    public void retract(String eventId) {
        contacts.remove(eventId);
    }

    /** The wijk document this trajectory counts in ({@code null} before it opened). */
    @Override
    public String scope() {
        return opened() ? CaseloadScope.neighbourhood(wijk).counterId() : null;
    }

    /**
     * What the trajectory counts as in its wijk: the facts the caseload figures are computed from when read
     * (date windows depend on "today", so dates are kept, not precomputed answers).
     */
    @Override
    public Document entry() {
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

    /** The counter ids of every caseload this trajectory counts in: its wijk, municipality and focus area. */
    Set<String> caseloads() {
        Set<String> ids = new LinkedHashSet<>();
        if (opened()) {
            ids.add(CaseloadScope.neighbourhood(wijk).counterId());
            ids.add(CaseloadScope.gemeente(gemeente).counterId());
            if (focusArea != null) {
                ids.add(CaseloadScope.focusArea(focusArea).counterId());
            }
        }
        return ids;
    }
}
