package nl.koers.query.caseload;

import nl.koers.events.common.Phase;
import nl.koers.query.common.Contributions;
import nl.koers.query.common.FieldKeys;
import org.bson.Document;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the caseload needs to know of one trajectory, stored per trajectory ({@code _id} = trajectory id), and
 * what that adds to the counter documents of its wijk, focus area and municipality. Dates that windows depend on
 * ("opened in the last 30 days", "detention started more than 7 days ago") are counted in per-day buckets, so the
 * read only sums the buckets of the window.
 */
final class CaseloadState {
    static final String UNASSIGNED = "-";
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
        CaseloadState copy = from(toDocument());
        return copy;
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

    /** Counter document ids this trajectory counts in. */
    String[] counters() {
        if (!opened()) {
            return new String[0];
        }
        return focusArea == null
                ? new String[]{CaseloadScope.neighbourhood(wijk).counterId(), CaseloadScope.gemeente(gemeente).counterId()}
                : new String[]{CaseloadScope.neighbourhood(wijk).counterId(),
                CaseloadScope.focusArea(focusArea).counterId(), CaseloadScope.gemeente(gemeente).counterId()};
    }

    Contributions contributions() {
        Contributions contributions = Contributions.none();
        for (String counter : counters()) {
            contributions.add(counter, "opened." + openedOn, 1);
            if (closedOn != null) {
                contributions.add(counter, "closed." + closedOn, 1);
            }
            if (active()) {
                contributions.add(counter, "active." + phase, 1);
                String worker = FieldKeys.encode(Objects.requireNonNullElse(caseworker, UNASSIGNED));
                contributions.add(counter, "caseworkers." + worker + "." + phase, 1);
                contributions.add(counter, "lastContact." + lastContactOrOpening(), 1);
                if (Phase.DETENTION.name().equals(phase) && !meetingHeld && detentionStartedOn != null) {
                    contributions.add(counter, "awaitingMeeting." + detentionStartedOn, 1);
                }
            }
        }
        return contributions;
    }
}
