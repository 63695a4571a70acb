package nl.koers.query.outcome;

import nl.koers.events.aftercare.BasicCondition;
import nl.koers.events.aftercare.ConditionStatus;
import nl.koers.query.common.TrajectoryState;
import org.bson.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the outcome measures need to know of one trajectory, stored per trajectory, and the entry it keeps in the
 * document of its focus area and cohort (year opened). Release is the end of the first detention. The entry keeps
 * the release (and close) day with the follow-up window of the first new police contact, so the read can count
 * only the youths whose window has fully passed by today.
 */
final class OutcomeState extends TrajectoryState {
    static final Set<BasicCondition> FIVE = EnumSet.of(BasicCondition.ID, BasicCondition.HOUSING,
            BasicCondition.INCOME, BasicCondition.DEBTS, BasicCondition.CARE);
    static final int[] WINDOWS_MONTHS = {6, 12, 24};
    static final String NO_CONTACT_IN_WINDOWS = "none";

    String focusArea;
    String closureReason;
    String releasedOn;
    String releaseEventId;
    /** Basic-condition assessments in recording order: eventId, condition, status, on. */
    List<Document> assessments = new ArrayList<>();
    /** Police contacts by event id → business date. */
    Map<String, String> policeContacts = new LinkedHashMap<>();

    static OutcomeState from(Document doc) {
        OutcomeState state = new OutcomeState();
        if (doc == null) {
            return state;
        }
        state.focusArea = doc.getString("focusArea");
        state.readDates(doc);
        state.closureReason = doc.getString("closureReason");
        state.releasedOn = doc.getString("releasedOn");
        state.releaseEventId = doc.getString("releaseEventId");
        state.assessments = new ArrayList<>(doc.getList("assessments", Document.class, List.of()));
        state.policeContacts = datesByEvent(doc, "policeContacts");
        return state;
    }

    @Override
    public Document toDocument() {
        List<Document> assessmentCopies = assessments.stream().map(a -> new Document(a)).toList();
        return appendDates(new Document("focusArea", focusArea))
                .append("closureReason", closureReason)
                .append("releasedOn", releasedOn)
                .append("releaseEventId", releaseEventId)
                .append("assessments", new ArrayList<>(assessmentCopies))
                .append("policeContacts", new Document(policeContacts));
    }

    /** The release, a police contact or an assessment moves to its corrected day. */
    @Override
    protected void correctOther(String eventId, String day) {
        if (eventId.equals(releaseEventId)) {
            releasedOn = day;
        } else if (policeContacts.containsKey(eventId)) {
            policeContacts.put(eventId, day);
        } else {
            assessments.stream().filter(a -> eventId.equals(a.getString("eventId"))).forEach(a -> a.put("on", day));
        }
    }

    /** A retracted police contact or assessment no longer counts. */
    @Override
    public void retract(String eventId) {
        policeContacts.remove(eventId);
        assessments.removeIf(a -> eventId.equals(a.getString("eventId")));
    }

    static String counterId(String focusArea, int cohort) {
        return focusArea + ":" + cohort;
    }

    /** The document of the trajectory's focus area and cohort ({@code null} before it opened or without area). */
    @Override
    public String scope() {
        return openedOn == null || focusArea == null ? null
                : counterId(focusArea, LocalDate.parse(openedOn).getYear());
    }

    /** What the trajectory counts as in its focus area and cohort; follow-up windows are kept per start day. */
    @Override
    public Document entry() {
        if (scope() == null) {
            return null;
        }
        Document entry = new Document();
        if (closedOn != null) {
            entry.append("closureReason", closureReason)
                    .append("closedOn", closedOn)
                    .append("afterClose", firstContactWindow(closedOn));
        }
        if (releasedOn != null) {
            List<String> met = new ArrayList<>();
            boolean allFive = true;
            for (BasicCondition condition : BasicCondition.values()) {
                boolean isMet = statusAt(condition, releasedOn).filter(ConditionStatus.MET::equals).isPresent();
                if (isMet) {
                    met.add(condition.name());
                }
                if (FIVE.contains(condition)) {
                    allFive &= isMet;
                }
            }
            entry.append("releasedOn", releasedOn)
                    .append("metAtRelease", met)
                    .append("allFiveMetAtRelease", allFive)
                    .append("afterRelease", firstContactWindow(releasedOn));
        }
        return entry;
    }

    /** The last assessment of the condition on or before {@code day} (the later recorded one on the same day). */
    Optional<ConditionStatus> statusAt(BasicCondition condition, String day) {
        return assessments.stream()
                .filter(a -> a.getString("condition").equals(condition.name()))
                .filter(a -> a.getString("on").compareTo(day) <= 0)
                .max(Comparator.comparing((Document a) -> a.getString("on"))
                        .thenComparingLong(a -> a.get("sequence", Number.class).longValue()))
                .map(a -> ConditionStatus.valueOf(a.getString("status")));
    }

    /**
     * The smallest follow-up window (6, 12 or 24 months) that holds the first police contact after {@code from};
     * {@code none} when there is none within 24 months.
     */
    String firstContactWindow(String from) {
        LocalDate start = LocalDate.parse(from);
        Optional<LocalDate> first = policeContacts.values().stream().map(LocalDate::parse)
                .filter(day -> day.isAfter(start)).min(Comparator.naturalOrder());
        if (first.isEmpty()) {
            return NO_CONTACT_IN_WINDOWS;
        }
        for (int months : WINDOWS_MONTHS) {
            if (!first.get().isAfter(start.plusMonths(months))) {
                return "m" + months;
            }
        }
        return NO_CONTACT_IN_WINDOWS;
    }
}
