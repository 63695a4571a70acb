package nl.koers.query.caseload;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import nl.koers.events.common.Phase;
import nl.koers.events.reference.ReferenceData;
import nl.koers.events.reference.Wijk;
import nl.koers.query.common.BusinessDates;
import nl.koers.query.common.CounterLedger;
import nl.koers.query.common.FieldKeys;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Answers caseload queries from the counter documents: the scope's own document and those of its wijken, all
 * read by {@code _id}. Date windows are relative to "today" from the clock.
 */
@Component
public class CaseloadQueries {
    static final int RECENT_DAYS = 30;
    static final int NETWORK_MEETING_DAYS = 7;
    static final int NO_CONTACT_DAYS = 30;
    private static final List<String> ACTIVE_PHASES = List.of(Phase.PREVENTION.name(), Phase.DETENTION.name(),
            Phase.AFTERCARE.name());
    private final MongoCollection<Document> counters;
    private final Clock clock;

    public CaseloadQueries(@Qualifier("koers") MongoDatabase database, Clock clock) {
        this.counters = database.getCollection(CaseloadProjection.COUNTERS);
        this.clock = clock;
    }

    @QueryHandler
    public Caseload handle(FindCaseload query) {
        return caseload(query.scope());
    }

    public Caseload caseload(CaseloadScope scope) {
        LocalDate today = BusinessDates.today(clock);
        Document total = counters.find(Filters.eq("_id", scope.counterId()))
                .projection(CounterLedger.withoutLedger()).first();
        List<String> wijken = scope.wijken();
        Map<String, Document> perWijk = new HashMap<>();
        if (scope.kind() != CaseloadScope.Kind.NEIGHBOURHOOD) {
            List<String> ids = wijken.stream().map(w -> CaseloadScope.neighbourhood(w).counterId()).toList();
            counters.find(Filters.in("_id", ids)).projection(CounterLedger.withoutLedger())
                    .forEach(doc -> perWijk.put(doc.getString("_id"), doc));
        } else if (total != null) {
            perWijk.put(total.getString("_id"), total);
        }
        List<Caseload.Neighbourhood> byNeighbourhood = new ArrayList<>();
        for (String code : wijken) {
            Document doc = perWijk.get(CaseloadScope.neighbourhood(code).counterId());
            byNeighbourhood.add(new Caseload.Neighbourhood(code,
                    ReferenceData.get().wijk(code).map(Wijk::name).orElse(null),
                    active(doc), opened(doc, today), closed(doc, today), overdue(doc, today),
                    withoutContact(doc, today)));
        }
        return new Caseload(scope.kind().name(), scope.code(), today, active(total), opened(total, today),
                closed(total, today), overdue(total, today), withoutContact(total, today), byNeighbourhood,
                caseworkers(total));
    }

    static Map<String, Long> active(Document counter) {
        Document active = sub(counter, "active");
        Map<String, Long> byPhase = new LinkedHashMap<>();
        for (String phase : ACTIVE_PHASES) {
            byPhase.put(phase, number(active.get(phase)));
        }
        return byPhase;
    }

    /** Opened in the last 30 days, today included. */
    static long opened(Document counter, LocalDate today) {
        return sumDays(sub(counter, "opened"), day -> !day.isBefore(today.minusDays(RECENT_DAYS - 1))
                && !day.isAfter(today));
    }

    static long closed(Document counter, LocalDate today) {
        return sumDays(sub(counter, "closed"), day -> !day.isBefore(today.minusDays(RECENT_DAYS - 1))
                && !day.isAfter(today));
    }

    /** In detention since more than 7 days without a network meeting (the norm is within 7 days of intake). */
    static long overdue(Document counter, LocalDate today) {
        return sumDays(sub(counter, "awaitingMeeting"), day -> day.isBefore(today.minusDays(NETWORK_MEETING_DAYS)));
    }

    /** Active, and the last contact (or the opening) lies more than 30 days back. */
    static long withoutContact(Document counter, LocalDate today) {
        return sumDays(sub(counter, "lastContact"), day -> day.isBefore(today.minusDays(NO_CONTACT_DAYS)));
    }

    static List<Caseload.Caseworker> caseworkers(Document counter) {
        List<Caseload.Caseworker> result = new ArrayList<>();
        sub(counter, "caseworkers").forEach((key, value) -> {
            Document phases = (Document) value;
            Map<String, Long> active = new LinkedHashMap<>();
            long sum = 0;
            for (String phase : ACTIVE_PHASES) {
                long n = number(phases.get(phase));
                active.put(phase, n);
                sum += n;
            }
            if (sum > 0) {
                String caseworker = FieldKeys.decode(key);
                result.add(new Caseload.Caseworker(CaseloadState.UNASSIGNED.equals(caseworker) ? null : caseworker,
                        active));
            }
        });
        result.sort(Comparator.comparing(Caseload.Caseworker::caseworker,
                Comparator.nullsLast(Comparator.naturalOrder())));
        return result;
    }

    private static long sumDays(Document buckets, Predicate<LocalDate> inWindow) {
        long sum = 0;
        for (Map.Entry<String, Object> bucket : buckets.entrySet()) {
            if (inWindow.test(LocalDate.parse(bucket.getKey()))) {
                sum += number(bucket.getValue());
            }
        }
        return sum;
    }

    private static Document sub(Document doc, String field) {
        Document value = doc == null ? null : doc.get(field, Document.class);
        return value == null ? new Document() : value;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
