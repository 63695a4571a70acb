package nl.koers.query.caseload;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import nl.koers.events.common.Phase;
import nl.koers.events.reference.ReferenceData;
import nl.koers.events.reference.Wijk;
import nl.koers.query.common.BusinessDates;
import nl.koers.query.common.ScopeEntries;
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
import java.util.TreeMap;

/**
 * Answers caseload queries from the wijk documents of the scope, read by {@code _id} (one, or {@code $in} the
 * wijken of a focus area or municipality), counting their trajectory entries. Date windows are relative to
 * "today" from the clock: opened and closed in the last 30 days (today included), a detention that started more
 * than 7 days ago without a network meeting, an active trajectory whose last contact (or opening) lies more than
 * 30 days back.
 */
@Component
public class CaseloadQueries {
    static final int RECENT_DAYS = 30;
    static final int NETWORK_MEETING_DAYS = 7;
    static final int NO_CONTACT_DAYS = 30;
    private static final List<String> ACTIVE_PHASES = List.of(Phase.PREVENTION.name(), Phase.DETENTION.name(),
            Phase.AFTERCARE.name());
    private final MongoCollection<Document> wijken;
    private final Clock clock;

    public CaseloadQueries(@Qualifier("koers") MongoDatabase database, Clock clock) {
        this.wijken = database.getCollection(CaseloadView.COUNTERS);
        this.clock = clock;
    }

    @QueryHandler
    public Caseload handle(FindCaseload query) {
        return caseload(query.scope());
    }

    public Caseload caseload(CaseloadScope scope) {
        LocalDate today = BusinessDates.today(clock);
        List<String> codes = scope.wijken();
        Map<String, Document> documents = new HashMap<>();
        wijken.find(Filters.in("_id", codes.stream().map(c -> CaseloadScope.neighbourhood(c).counterId()).toList()))
                .forEach(doc -> documents.put(doc.getString("_id"), doc));

        Tally total = new Tally(today);
        Map<String, Map<String, Long>> perCaseworker = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        List<Caseload.Neighbourhood> byNeighbourhood = new ArrayList<>();
        for (String code : codes) {
            Tally wijk = new Tally(today);
            Document entries = ScopeEntries.entries(documents.get(CaseloadScope.neighbourhood(code).counterId()));
            for (Object value : entries.values()) {
                Document entry = (Document) value;
                if (scope.kind() == CaseloadScope.Kind.FOCUS_AREA
                        && !scope.code().equals(entry.getString("focusArea"))) {
                    continue;
                }
                wijk.count(entry);
                total.count(entry);
                if (Tally.active(entry)) {
                    perCaseworker.computeIfAbsent(entry.getString("caseworker"), k -> emptyPhases())
                            .merge(entry.getString("phase"), 1L, Long::sum);
                }
            }
            byNeighbourhood.add(new Caseload.Neighbourhood(code,
                    ReferenceData.get().wijk(code).map(Wijk::name).orElse(null), wijk.active,
                    wijk.opened, wijk.closed, wijk.overdue, wijk.withoutContact));
        }
        List<Caseload.Caseworker> byCaseworker = new ArrayList<>();
        perCaseworker.forEach((caseworker, active) -> byCaseworker.add(new Caseload.Caseworker(caseworker, active)));
        return new Caseload(scope.kind().name(), scope.code(), today, total.active, total.opened, total.closed,
                total.overdue, total.withoutContact, byNeighbourhood, byCaseworker);
    }

    private static Map<String, Long> emptyPhases() {
        Map<String, Long> phases = new LinkedHashMap<>();
        ACTIVE_PHASES.forEach(phase -> phases.put(phase, 0L));
        return phases;
    }

    /** The figures of a set of trajectory entries on one day. */
    private static final class Tally {
        final Map<String, Long> active = emptyPhases();
        final LocalDate recentFrom;
        final LocalDate today;
        final LocalDate meetingDueBefore;
        final LocalDate contactDueBefore;
        long opened;
        long closed;
        long overdue;
        long withoutContact;

        Tally(LocalDate today) {
            this.today = today;
            this.recentFrom = today.minusDays(RECENT_DAYS - 1);
            this.meetingDueBefore = today.minusDays(NETWORK_MEETING_DAYS);
            this.contactDueBefore = today.minusDays(NO_CONTACT_DAYS);
        }

        static boolean active(Document entry) {
            return !Phase.CLOSED.name().equals(entry.getString("phase"));
        }

        void count(Document entry) {
            if (active(entry)) {
                active.merge(entry.getString("phase"), 1L, Long::sum);
            }
            if (recent(entry.getString("openedOn"))) {
                opened++;
            }
            if (recent(entry.getString("closedOn"))) {
                closed++;
            }
            String awaiting = entry.getString("awaitingMeetingSince");
            if (awaiting != null && LocalDate.parse(awaiting).isBefore(meetingDueBefore)) {
                overdue++;
            }
            String lastContact = entry.getString("lastContact");
            if (lastContact != null && LocalDate.parse(lastContact).isBefore(contactDueBefore)) {
                withoutContact++;
            }
        }

        private boolean recent(String day) {
            if (day == null) {
                return false;
            }
            LocalDate date = LocalDate.parse(day);
            return !date.isBefore(recentFrom) && !date.isAfter(today);
        }
    }
}
