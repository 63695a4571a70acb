package nl.koers.query.caseload;

import nl.koers.events.common.Phase;
import nl.koers.events.reference.FocusArea;
import nl.koers.events.reference.ReferenceData;
import nl.koers.events.reference.Wijk;
import nl.koers.query.casefile.Signal;
import nl.koers.query.casefile.Signals;
import nl.koers.query.casefile.WorkFacts;
import nl.koers.query.common.BusinessDates;
import org.axonframework.queryhandling.QueryHandler;
import nl.koers.query.common.ViewGenerations;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Answers caseload queries from the wijk documents of the scope, read by {@code _id} (one, or {@code $in} the
 * wijken of a focus area or municipality), counting their trajectory entries ({@link WorkFacts}), each document
 * parsed once per revision ({@link ParsedWijken}). Date windows are
 * relative to "today" from the clock: opened and closed in the last 30 days (today included); overdue network
 * meetings and trajectories without contact are the {@link Signals} of that day, the same the worklist shows.
 */
@Component
public class CaseloadQueries {
    static final int RECENT_DAYS = 30;
    private static final List<String> ACTIVE_PHASES = List.of(Phase.PREVENTION.name(), Phase.DETENTION.name(),
            Phase.AFTERCARE.name());
    private final ViewGenerations.GenerationalCollection wijken;
    private final Clock clock;
    private final ParsedWijken parsed = new ParsedWijken();

    public CaseloadQueries(ViewGenerations generations, Clock clock) {
        this.wijken = CaseloadView.wijken(generations);
        this.clock = clock;
    }

    @QueryHandler
    public Caseload handle(FindCaseload query) {
        return caseload(query.scope());
    }

    public Caseload caseload(CaseloadScope scope) {
        LocalDate today = BusinessDates.today(clock);
        List<String> codes = scope.wijken();
        Map<String, Map<String, WorkFacts>> documents = read(codes);

        Tally total = new Tally(today);
        Map<String, Map<String, Long>> perCaseworker = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        List<Caseload.Neighbourhood> byNeighbourhood = new ArrayList<>();
        for (String code : codes) {
            Tally wijk = new Tally(today);
            for (WorkFacts facts : documents.getOrDefault(CaseloadScope.neighbourhood(code).counterId(),
                    Map.of()).values()) {
                if (scope.kind() == CaseloadScope.Kind.FOCUS_AREA && !scope.code().equals(facts.focusArea())) {
                    continue;
                }
                wijk.count(facts);
                total.count(facts);
                if (facts.active()) {
                    perCaseworker.computeIfAbsent(facts.caseworker(), k -> emptyPhases())
                            .merge(facts.phase(), 1L, Long::sum);
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

    /**
     * The work facts of every trajectory now in one of these focus areas, by trajectory id, from the same wijk
     * documents the caseload counts (the worklist's input).
     */
    public Map<String, WorkFacts> cases(Collection<String> focusAreas) {
        List<String> codes = new ArrayList<>();
        for (String area : focusAreas) {
            ReferenceData.get().focusArea(area).map(FocusArea::wijken)
                    .ifPresent(wijkCodes -> wijkCodes.forEach(code -> codes.add(code.value())));
        }
        Map<String, WorkFacts> cases = new LinkedHashMap<>();
        read(codes).values().forEach(wijk -> wijk.forEach((trajectoryId, facts) -> {
            if (focusAreas.contains(facts.focusArea())) {
                cases.put(trajectoryId, facts);
            }
        }));
        return cases;
    }

    /** The work facts in the wijk documents of these CBS codes, by document id. */
    private Map<String, Map<String, WorkFacts>> read(List<String> codes) {
        return parsed.read(wijken.forReading(), codes.stream().map(c -> CaseloadScope.neighbourhood(c).counterId()).toList());
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
        long opened;
        long closed;
        long overdue;
        long withoutContact;

        Tally(LocalDate today) {
            this.today = today;
            this.recentFrom = today.minusDays(RECENT_DAYS - 1);
        }

        void count(WorkFacts facts) {
            if (facts.active()) {
                active.merge(facts.phase(), 1L, Long::sum);
            }
            if (recent(facts.openedOn())) {
                opened++;
            }
            if (recent(facts.closedOn())) {
                closed++;
            }
            List<Signal> signals = Signals.of(facts, today);
            overdue += Signals.count(signals, Signal.Kind.NETWORK_MEETING_OVERDUE);
            withoutContact += Signals.count(signals, Signal.Kind.NO_CONTACT_30_DAYS);
        }

        private boolean recent(LocalDate date) {
            return date != null && !date.isBefore(recentFrom) && !date.isAfter(today);
        }
    }
}
