package nl.koers.query.casefile;

import nl.koers.events.aftercare.AftercareStarted;
import nl.koers.events.aftercare.BasicCondition;
import nl.koers.events.aftercare.BasicConditionAssessed;
import nl.koers.events.aftercare.ConditionStatus;
import nl.koers.events.common.Phase;
import nl.koers.events.common.TrajectoryEvent;
import nl.koers.events.contact.ContactRecorded;
import nl.koers.events.correction.EntryCorrected;
import nl.koers.events.correction.EntryRetracted;
import nl.koers.events.detention.DetentionEnded;
import nl.koers.events.detention.DetentionStarted;
import nl.koers.events.detention.NetworkMeetingHeld;
import nl.koers.events.detention.StpStarted;
import nl.koers.events.trajectory.CaseworkerAssigned;
import nl.koers.events.trajectory.TrajectoryClosed;
import nl.koers.events.trajectory.TrajectoryOpened;
import nl.koers.events.trajectory.TrajectoryTransferred;
import nl.koers.query.common.TrajectoryState;
import org.bson.Document;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the read side knows of one trajectory for the people working on it, folded from its events by one pure
 * function ({@link #apply}): place, phase, caseworker, the detention in progress, the last release, interventions,
 * basic-condition assessments and contacts, each with the id of the event that recorded it so corrections and
 * retractions land where they belong. The summary view stores it per trajectory, the caseload keeps it as its
 * per-trajectory state (and derives its wijk entry, {@link WorkFacts}, from it), and a summary "as known at" folds
 * the trajectory's earlier events through the same code in memory. Personal fields stay sealed.
 */
public final class CaseFile extends TrajectoryState {
    public static final int NETWORK_MEETING_DAYS = 7;
    public static final int FOLLOW_UP_MONTHS = 24;
    /** The prefix of a wijk's document id in a view that counts per wijk. */
    public static final String WIJK_SCOPE = "wijk:";
    private static final List<Class<?>> TRACKED = List.of(TrajectoryOpened.class, CaseworkerAssigned.class,
            TrajectoryTransferred.class, DetentionStarted.class, NetworkMeetingHeld.class, StpStarted.class,
            DetentionEnded.class, AftercareStarted.class, TrajectoryClosed.class, BasicConditionAssessed.class,
            ContactRecorded.class, EntryCorrected.class, EntryRetracted.class);

    String trajectoryId;
    String youthId;
    /** The youth's given name, family name and birth date, sealed (base64 ciphertext). */
    Document youth;
    String neighbourhood;
    String focusArea;
    String gemeente;
    String phase;
    String caseworker;
    String closureReason;
    DetentionFacts detention;
    String releasedOn;
    String releaseEventId;
    boolean releasedWithStp;
    final Map<String, InterventionFacts> interventions = new LinkedHashMap<>();
    /** Basic-condition assessments by event id: condition, status and day. */
    final Map<String, Document> assessments = new LinkedHashMap<>();
    /** Contacts by event id → business date. */
    final Map<String, String> contacts = new LinkedHashMap<>();

    /** Whether {@link #apply} does anything with this event; other events leave the file as it is. */
    public static boolean concerns(TrajectoryEvent event) {
        return TRACKED.contains(event.getClass()) || InterventionFacts.concerns(event);
    }

    /** Folds one event of the trajectory into the file ({@code eventId}: its message id). */
    public void apply(TrajectoryEvent event, String eventId) {
        if (event instanceof TrajectoryOpened e) {
            trajectoryId = e.trajectoryId().value();
            youthId = e.youthId().value();
            youth = new Document("givenName", e.youth().givenName().ciphertext())
                    .append("familyName", e.youth().familyName().ciphertext())
                    .append("birthDate", e.youth().birthDate().ciphertext());
            place(e.neighbourhood().value(), e.neighbourhood().gemeenteCode(),
                    e.focusArea() == null ? null : e.focusArea().value());
            phase = Phase.PREVENTION.name();
            opened(e.openedOn().toString(), eventId);
        } else if (event instanceof CaseworkerAssigned e) {
            caseworker = e.caseworker();
        } else if (event instanceof TrajectoryTransferred e) {
            place(e.toNeighbourhood().value(), e.toNeighbourhood().gemeenteCode(),
                    e.toFocusArea() == null ? null : e.toFocusArea().value());
        } else if (event instanceof DetentionStarted e) {
            phase = Phase.DETENTION.name();
            detention = DetentionFacts.started(e, eventId);
            releasedOn = null;
            releaseEventId = null;
        } else if (event instanceof NetworkMeetingHeld e && detention != null) {
            detention.meetingHeldOn = e.heldOn().toString();
            detention.meetingEventId = eventId;
        } else if (event instanceof StpStarted e && detention != null) {
            detention.stpStartedOn = e.startedOn().toString();
            detention.stpEventId = eventId;
        } else if (event instanceof DetentionEnded e) {
            phase = Phase.AFTERCARE.name();
            releasedOn = e.endedOn().toString();
            releaseEventId = eventId;
            releasedWithStp = detention != null && detention.stpStartedOn != null;
            detention = null;
        } else if (event instanceof AftercareStarted) {
            phase = Phase.AFTERCARE.name();
        } else if (event instanceof TrajectoryClosed e) {
            phase = Phase.CLOSED.name();
            closureReason = e.reason().name();
            closed(e.closedOn().toString(), eventId);
        } else {
            applyEntry(event, eventId);
        }
    }

    /** Interventions, assessments, contacts and amendments: the entries a trajectory collects. */
    private void applyEntry(TrajectoryEvent event, String eventId) {
        if (InterventionFacts.apply(interventions, event, eventId)) {
            return;
        }
        if (event instanceof BasicConditionAssessed e) {
            assessments.put(eventId, new Document("condition", e.condition().name())
                    .append("status", e.status().name()).append("assessedOn", e.assessedOn().toString()));
        } else if (event instanceof ContactRecorded e) {
            contacts.put(eventId, e.contactOn().toString());
        } else if (event instanceof EntryCorrected e && e.newOccurredOn() != null) {
            correct(e.correctedEventId(), e.newOccurredOn().toString());
        } else if (event instanceof EntryRetracted e) {
            retract(e.retractedEventId());
        }
    }

    private void place(String wijk, String gemeenteCode, String area) {
        neighbourhood = wijk;
        gemeente = gemeenteCode;
        focusArea = area;
    }

    @Override
    protected void correctOther(String eventId, String day) {
        if (detention != null && detention.correct(eventId, day)) {
            return;
        }
        if (eventId.equals(releaseEventId)) {
            releasedOn = day;
        } else if (assessments.containsKey(eventId)) {
            assessments.get(eventId).put("assessedOn", day);
        } else if (contacts.containsKey(eventId)) {
            contacts.put(eventId, day);
        } else {
            interventions.values().forEach(intervention -> intervention.correct(eventId, day));
        }
    }

    /** Only plain facts can be retracted (api.md): a contact or an assessment no longer counts. */
    @Override
    public void retract(String eventId) {
        contacts.remove(eventId);
        assessments.remove(eventId);
    }

    public boolean opened() {
        return neighbourhood != null;
    }

    public boolean active() {
        return opened() && !Phase.CLOSED.name().equals(phase);
    }

    /** The wijk document this trajectory counts in ({@code null} before it opened). */
    @Override
    public String scope() {
        return opened() ? WIJK_SCOPE + neighbourhood : null;
    }

    /** What the trajectory counts as in its wijk: its {@link WorkFacts}. */
    @Override
    public Document entry() {
        return opened() ? workFacts().toDocument() : null;
    }

    public WorkFacts workFacts() {
        boolean active = active();
        boolean aftercare = active && Phase.AFTERCARE.name().equals(phase);
        Map<String, WorkFacts.Planned> planned = new LinkedHashMap<>();
        if (active) {
            interventions.values().stream().filter(i -> InterventionFacts.PLANNED.equals(i.status))
                    .forEach(i -> planned.put(i.interventionId, new WorkFacts.Planned(i.type,
                            LocalDate.parse(i.plannedOn))));
        }
        boolean awaitingMeeting = active && detention != null && detention.meetingHeldOn == null;
        return new WorkFacts(focusArea, phase, DetentionFacts.date(openedOn), DetentionFacts.date(closedOn),
                caseworker, active ? DetentionFacts.date(lastContactOrOpening()) : null,
                awaitingMeeting ? DetentionFacts.date(detention.startedOn) : null, planned,
                aftercare ? DetentionFacts.date(releasedOn) : null, aftercare && releasedWithStp,
                aftercare ? basicConditions() : Map.of());
    }

    /** The last contact, or the opening when there was none: the start of "without contact". */
    private String lastContactOrOpening() {
        return contacts.values().stream().max(String::compareTo).orElse(openedOn);
    }

    /** The latest assessment per condition (by business date; of two on one day, the later recorded). */
    public Map<BasicCondition, AtAGlance.Condition> basicConditions() {
        Map<BasicCondition, AtAGlance.Condition> latest = new EnumMap<>(BasicCondition.class);
        for (Document assessment : assessments.values()) {
            BasicCondition condition = BasicCondition.valueOf(assessment.getString("condition"));
            LocalDate on = LocalDate.parse(assessment.getString("assessedOn"));
            AtAGlance.Condition known = latest.get(condition);
            if (known == null || !on.isBefore(known.assessedOn())) {
                latest.put(condition, new AtAGlance.Condition(ConditionStatus.valueOf(assessment.getString("status")),
                        on));
            }
        }
        return latest;
    }

    public AtAGlance.Detention detention() {
        return detention == null ? null : detention.glance();
    }

    public List<AtAGlance.Intervention> interventions() {
        return interventions.values().stream().map(InterventionFacts::glance).toList();
    }

    /** The last day follow-up can be recorded on a closed trajectory; {@code null} while it is open. */
    public LocalDate followUpUntil() {
        return closedOn == null || active() ? null : followUpUntil(LocalDate.parse(closedOn));
    }

    static LocalDate followUpUntil(LocalDate closedOn) {
        return closedOn.plusMonths(FOLLOW_UP_MONTHS);
    }

    public String trajectoryId() {
        return trajectoryId;
    }

    public String youthId() {
        return youthId;
    }

    /** A sealed field of the youth ({@code givenName}, {@code familyName}, {@code birthDate}). */
    public String sealedYouth(String field) {
        return youth == null ? null : youth.getString(field);
    }

    public String neighbourhood() {
        return neighbourhood;
    }

    public String focusArea() {
        return focusArea;
    }

    public String gemeente() {
        return gemeente;
    }

    public String phase() {
        return phase;
    }

    public String caseworker() {
        return caseworker;
    }

    public String closureReason() {
        return closureReason;
    }

    public LocalDate openedOn() {
        return DetentionFacts.date(openedOn);
    }

    public LocalDate closedOn() {
        return DetentionFacts.date(closedOn);
    }

    /** For {@link StoredCaseFile}: the opening and closing as the state of every counting view stores them. */
    void writeDates(Document doc) {
        appendDates(doc);
    }

    void readStoredDates(Document doc) {
        readDates(doc);
    }

    @Override
    public Document toDocument() {
        return StoredCaseFile.write(this);
    }

    /** A file as stored ({@link #toDocument()}); an empty one, before the opening, from {@code null}. */
    public static CaseFile from(Document doc) {
        return StoredCaseFile.read(doc);
    }
}
