package nl.koers.query.outcome;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import nl.koers.events.aftercare.BasicCondition;
import nl.koers.events.trajectory.ClosureReason;
import nl.koers.query.common.BusinessDates;
import nl.koers.query.common.CounterLedger;
import nl.koers.query.outcome.SmallCounts.Count;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
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
    private final MongoCollection<Document> counters;
    private final Clock clock;

    public OutcomeQueries(@Qualifier("koers") MongoDatabase database, Clock clock) {
        this.counters = database.getCollection(OutcomeProjection.COUNTERS);
        this.clock = clock;
    }

    public Map<String, Object> outcomes(String focusArea, int cohort) {
        LocalDate today = BusinessDates.today(clock);
        Document doc = counters.find(Filters.eq("_id", OutcomeState.counterId(focusArea, cohort)))
                .projection(CounterLedger.withoutLedger()).first();
        Document counts = doc == null ? new Document() : doc;

        Count trajectories = SmallCounts.count(number(counts.get("opened")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("focusArea", focusArea);
        body.put("cohort", cohort);
        body.put("asOf", today.toString());
        body.put("trajectories", SmallCounts.render(trajectories));
        body.put("closed", closed(sub(counts, "closed"), trajectories));
        body.put("basicConditionsAtRelease", conditions(counts));
        Map<String, Object> police = new LinkedHashMap<>();
        police.put("afterRelease", recidivism(sub(counts, "afterRelease"), today));
        police.put("afterClose", recidivism(sub(counts, "afterClose"), today));
        body.put("newPoliceContact", police);
        return body;
    }

    /** Per reason and in total, shares of the cohort; the total is withheld when a reason is suppressed. */
    private static Map<String, Object> closed(Document byReason, Count cohort) {
        Map<String, Count> cells = new LinkedHashMap<>();
        long sum = 0;
        for (ClosureReason reason : ClosureReason.values()) {
            long n = number(byReason.get(reason.name()));
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

    private static Map<String, Object> conditions(Document counts) {
        Count released = SmallCounts.count(number(counts.get("released")));
        Document met = sub(counts, "metAtRelease");
        Map<String, Object> perCondition = new LinkedHashMap<>();
        for (BasicCondition condition : BasicCondition.values()) {
            perCondition.put(condition.name(), SmallCounts.render(SmallCounts.count(number(met.get(condition.name()))),
                    released));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("released", SmallCounts.render(released));
        out.put("met", perCondition);
        out.put("allFiveMet", SmallCounts.render(SmallCounts.count(number(counts.get("allFiveMetAtRelease"))),
                released));
        return out;
    }

    /**
     * Per window: the youths followed up for the whole window (release or close at least that many months ago)
     * and, of them, those with a new police contact within it.
     */
    private static Map<String, Object> recidivism(Document byDay, LocalDate today) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int months : OutcomeState.WINDOWS_MONTHS) {
            long followedUp = 0;
            long withContact = 0;
            for (Map.Entry<String, Object> day : byDay.entrySet()) {
                if (LocalDate.parse(day.getKey()).plusMonths(months).isAfter(today)) {
                    continue;
                }
                Document windows = (Document) day.getValue();
                for (Map.Entry<String, Object> window : windows.entrySet()) {
                    long n = number(window.getValue());
                    followedUp += n;
                    if (within(window.getKey(), months)) {
                        withContact += n;
                    }
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
        return !window.equals(OutcomeState.NO_CONTACT_IN_WINDOWS) && Integer.parseInt(window.substring(1)) <= months;
    }

    /** Cohorts that can exist: from the programme's start (2022) to this year. */
    List<Integer> cohorts() {
        List<Integer> years = new ArrayList<>();
        for (int year = 2022; year <= BusinessDates.today(clock).getYear(); year++) {
            years.add(year);
        }
        return years;
    }

    private static Document sub(Document doc, String field) {
        Document value = doc.get(field, Document.class);
        return value == null ? new Document() : value;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
