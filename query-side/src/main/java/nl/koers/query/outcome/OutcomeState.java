package nl.koers.query.outcome;

import nl.koers.events.aftercare.BasicCondition;
import nl.koers.events.aftercare.ConditionStatus;
import nl.koers.query.common.Contributions;
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
 * What the outcome measures need to know of one trajectory, stored per trajectory, and what that adds to the
 * counter document of its focus area and cohort (year opened). Release is the end of the first detention.
 * The recidivism proxy is kept per release (or close) day and follow-up window, so the read can count only the
 * youths whose window has fully passed by today.
 */
final class OutcomeState {
    static final Set<BasicCondition> FIVE = EnumSet.of(BasicCondition.ID, BasicCondition.HOUSING,
            BasicCondition.INCOME, BasicCondition.DEBTS, BasicCondition.CARE);
    static final int[] WINDOWS_MONTHS = {6, 12, 24};
    static final String NO_CONTACT_IN_WINDOWS = "none";

    String focusArea;
    String openedOn;
    String openedEventId;
    String closedOn;
    String closedEventId;
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
        state.openedOn = doc.getString("openedOn");
        state.openedEventId = doc.getString("openedEventId");
        state.closedOn = doc.getString("closedOn");
        state.closedEventId = doc.getString("closedEventId");
        state.closureReason = doc.getString("closureReason");
        state.releasedOn = doc.getString("releasedOn");
        state.releaseEventId = doc.getString("releaseEventId");
        state.assessments = new ArrayList<>(doc.getList("assessments", Document.class, List.of()));
        Document contacts = doc.get("policeContacts", Document.class);
        if (contacts != null) {
            contacts.forEach((id, date) -> state.policeContacts.put(id, (String) date));
        }
        return state;
    }

    OutcomeState copy() {
        return from(toDocument());
    }

    Document toDocument() {
        List<Document> assessmentCopies = assessments.stream().map(a -> new Document(a)).toList();
        return new Document("focusArea", focusArea)
                .append("openedOn", openedOn)
                .append("openedEventId", openedEventId)
                .append("closedOn", closedOn)
                .append("closedEventId", closedEventId)
                .append("closureReason", closureReason)
                .append("releasedOn", releasedOn)
                .append("releaseEventId", releaseEventId)
                .append("assessments", new ArrayList<>(assessmentCopies))
                .append("policeContacts", new Document(policeContacts));
    }

    static String counterId(String focusArea, int cohort) {
        return focusArea + ":" + cohort;
    }

    Contributions contributions() {
        Contributions contributions = Contributions.none();
        if (openedOn == null || focusArea == null) {
            return contributions;
        }
        String counter = counterId(focusArea, LocalDate.parse(openedOn).getYear());
        contributions.add(counter, "opened", 1);
        if (closedOn != null) {
            contributions.add(counter, "closed." + closureReason, 1);
            contributions.add(counter, "afterClose." + closedOn + "." + firstContactWindow(closedOn), 1);
        }
        if (releasedOn != null) {
            contributions.add(counter, "released", 1);
            boolean allFive = true;
            for (BasicCondition condition : BasicCondition.values()) {
                boolean met = statusAt(condition, releasedOn).filter(ConditionStatus.MET::equals).isPresent();
                if (met) {
                    contributions.add(counter, "metAtRelease." + condition.name(), 1);
                }
                if (FIVE.contains(condition)) {
                    allFive &= met;
                }
            }
            if (allFive) {
                contributions.add(counter, "allFiveMetAtRelease", 1);
            }
            contributions.add(counter, "afterRelease." + releasedOn + "." + firstContactWindow(releasedOn), 1);
        }
        return contributions;
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
