package nl.koers.query.casefile;

import nl.koers.events.aftercare.BasicCondition;
import nl.koers.events.aftercare.ConditionStatus;
import nl.koers.events.common.Phase;
import org.bson.Document;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The facts of one trajectory that what needs doing is derived from ({@link Signals}): kept by the caseload view in
 * the document of the trajectory's wijk, so the caseload's counts and the worklist read the same data with the same
 * code. Dates, not verdicts: "overdue" depends on the day it is read. Open trajectories only carry what can still
 * need action (the last contact, a detention waiting for its network meeting, planned interventions, what aftercare
 * started with); a closed one its closing day, for the end of its follow-up.
 *
 * @param lastContact          the last contact, or the opening without one (open trajectories)
 * @param awaitingMeetingSince the start of a detention without a network meeting yet
 * @param planned              interventions planned but not started, by id
 * @param releasedOn           the day aftercare started (in aftercare)
 * @param stpStarted           whether the detention it left had an STP (in aftercare)
 * @param conditions           the latest status of each basic condition assessed (in aftercare)
 */
public record WorkFacts(String focusArea, String phase, LocalDate openedOn, LocalDate closedOn, String caseworker,
                        LocalDate lastContact, LocalDate awaitingMeetingSince, Map<String, Planned> planned,
                        LocalDate releasedOn, boolean stpStarted, Map<BasicCondition, AtAGlance.Condition> conditions) {

    public record Planned(String type, LocalDate plannedOn) {
    }

    public boolean active() {
        return !Phase.CLOSED.name().equals(phase);
    }

    /** The form stored in the wijk document; only what is there, so unchanged facts compare equal. */
    public Document toDocument() {
        Document entry = new Document("focusArea", focusArea)
                .append("phase", phase)
                .append("openedOn", string(openedOn))
                .append("closedOn", string(closedOn))
                .append("caseworker", caseworker);
        if (lastContact != null) {
            entry.append("lastContact", lastContact.toString());
        }
        if (awaitingMeetingSince != null) {
            entry.append("awaitingMeetingSince", awaitingMeetingSince.toString());
        }
        if (!planned.isEmpty()) {
            Document plannedDoc = new Document();
            planned.forEach((id, p) -> plannedDoc.append(id, new Document("type", p.type())
                    .append("plannedOn", p.plannedOn().toString())));
            entry.append("planned", plannedDoc);
        }
        if (releasedOn != null) {
            entry.append("releasedOn", releasedOn.toString()).append("stpStarted", stpStarted);
        }
        if (!conditions.isEmpty()) {
            Document conditionsDoc = new Document();
            conditions.forEach((condition, c) -> conditionsDoc.append(condition.name(),
                    new Document("status", c.status().name()).append("assessedOn", c.assessedOn().toString())));
            entry.append("conditions", conditionsDoc);
        }
        return entry;
    }

    public static WorkFacts from(Document entry) {
        Map<String, Planned> planned = new LinkedHashMap<>();
        Document plannedDoc = entry.get("planned", Document.class);
        if (plannedDoc != null) {
            plannedDoc.forEach((id, value) -> {
                Document p = (Document) value;
                planned.put(id, new Planned(p.getString("type"), LocalDate.parse(p.getString("plannedOn"))));
            });
        }
        Map<BasicCondition, AtAGlance.Condition> conditions = new EnumMap<>(BasicCondition.class);
        Document conditionsDoc = entry.get("conditions", Document.class);
        if (conditionsDoc != null) {
            conditionsDoc.forEach((name, value) -> {
                Document c = (Document) value;
                conditions.put(BasicCondition.valueOf(name), new AtAGlance.Condition(
                        ConditionStatus.valueOf(c.getString("status")), LocalDate.parse(c.getString("assessedOn"))));
            });
        }
        return new WorkFacts(entry.getString("focusArea"), entry.getString("phase"), date(entry, "openedOn"),
                date(entry, "closedOn"), entry.getString("caseworker"), date(entry, "lastContact"),
                date(entry, "awaitingMeetingSince"), planned, date(entry, "releasedOn"),
                Boolean.TRUE.equals(entry.getBoolean("stpStarted")), conditions);
    }

    private static LocalDate date(Document entry, String field) {
        String value = entry.getString(field);
        return value == null ? null : LocalDate.parse(value);
    }

    private static String string(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
