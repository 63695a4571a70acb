package nl.koers.query.outcome;

import com.mongodb.client.model.Filters;
import nl.koers.events.aftercare.BasicCondition;
import nl.koers.events.trajectory.ClosureReason;
import nl.koers.query.common.BusinessDates;
import nl.koers.query.common.ScopeEntries;
import nl.koers.query.outcome.SmallCounts.Count;
import nl.koers.query.common.ViewGenerations;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outcome measures of one focus area and cohort: one read by {@code _id}, small counts suppressed. */
@Component
public class OutcomeQueries {
    private final ViewGenerations.GenerationalCollection cohorts;
    private final Clock clock;

    public OutcomeQueries(ViewGenerations generations, Clock clock) {
        this.cohorts = OutcomeView.cohorts(generations);
        this.clock = clock;
    }

    public Map<String, Object> outcomes(String focusArea, int cohort) {
        LocalDate today = BusinessDates.today(clock);
        Document doc = cohorts.forReading().find(Filters.eq("_id", OutcomeState.counterId(focusArea, cohort))).first();
        List<Document> entries = new ArrayList<>();
        ScopeEntries.entries(doc).values().forEach(entry -> entries.add((Document) entry));

        Count trajectories = SmallCounts.count(entries.size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("focusArea", focusArea);
        body.put("cohort", cohort);
        body.put("asOf", today.toString());
        body.put("trajectories", SmallCounts.render(trajectories));
        body.put("closed", closed(entries, trajectories));
        body.put("basicConditionsAtRelease", conditions(entries));
        Map<String, Object> police = new LinkedHashMap<>();
        police.put("afterRelease", recidivism(entries, "releasedOn", "afterRelease", today));
        police.put("afterClose", recidivism(entries, "closedOn", "afterClose", today));
        body.put("newPoliceContact", police);
        return body;
    }

    /** Per reason and in total, shares of the cohort; the total is withheld when a reason is suppressed. */
    private static Map<String, Object> closed(List<Document> entries, Count cohort) {
        Map<String, Count> cells = new LinkedHashMap<>();
        long sum = 0;
        for (ClosureReason reason : ClosureReason.values()) {
            long n = entries.stream().filter(e -> reason.name().equals(e.getString("closureReason"))).count();
            cells.put(reason.name(), SmallCounts.count(n));
            sum += n;
        }
        Count total = SmallCounts.count(sum);
        SmallCounts.protect(total, cells.values());
        Map<String, Object> reasons = new LinkedHashMap<>();
        cells.forEach((reason, count) -> reasons.put(reason, SmallCounts.render(count, cohort)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", SmallCounts.render(total, cohort));
        out.put("byReason", reasons);
        return out;
    }

    private static Map<String, Object> conditions(List<Document> entries) {
        List<Document> released = entries.stream().filter(e -> e.getString("releasedOn") != null).toList();
        Count releasedCount = SmallCounts.count(released.size());
        Map<String, Object> perCondition = new LinkedHashMap<>();
        for (BasicCondition condition : BasicCondition.values()) {
            long met = released.stream()
                    .filter(e -> e.getList("metAtRelease", String.class, List.of()).contains(condition.name())).count();
            perCondition.put(condition.name(), SmallCounts.render(SmallCounts.count(met), releasedCount));
        }
        long allFive = released.stream().filter(e -> e.getBoolean("allFiveMetAtRelease", false)).count();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("released", SmallCounts.render(releasedCount));
        out.put("met", perCondition);
        out.put("allFiveMet", SmallCounts.render(SmallCounts.count(allFive), releasedCount));
        return out;
    }

    /**
     * Per window: the youths followed up for the whole window (release or close at least that many months ago)
     * and, of them, those with a new police contact within it.
     */
    private static Map<String, Object> recidivism(List<Document> entries, String startField, String windowField,
                                                  LocalDate today) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int months : OutcomeState.WINDOWS_MONTHS) {
            long followedUp = 0;
            long withContact = 0;
            for (Document entry : entries) {
                String start = entry.getString(startField);
                if (start == null || LocalDate.parse(start).plusMonths(months).isAfter(today)) {
                    continue;
                }
                followedUp++;
                if (within(entry.getString(windowField), months)) {
                    withContact++;
                }
            }
            Count denominator = SmallCounts.count(followedUp);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("followedUp", SmallCounts.render(denominator));
            figures.put("withNewContact", SmallCounts.render(SmallCounts.count(withContact), denominator));
            out.put("within" + months + "Months", figures);
        }
        return out;
    }

    /** Whether a first contact in window {@code m6}/{@code m12}/{@code m24} lies within {@code months}. */
    private static boolean within(String window, int months) {
        return window != null && !window.equals(OutcomeState.NO_CONTACT_IN_WINDOWS)
                && Integer.parseInt(window.substring(1)) <= months;
    }

    /** Cohorts that can exist: from the programme's start (2022) to this year. */
    List<Integer> cohorts() {
        List<Integer> years = new ArrayList<>();
        for (int year = 2022; year <= BusinessDates.today(clock).getYear(); year++) {
            years.add(year);
        }
        return years;
    }
}
