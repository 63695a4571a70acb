package nl.koers.query.worklist;

import nl.koers.events.common.FocusAreaCode;
import nl.koers.events.reference.FocusArea;
import nl.koers.events.reference.ReferenceData;
import nl.koers.platform.security.KoersUser;
import nl.koers.platform.web.FieldChecks;
import nl.koers.query.casefile.Signal;
import nl.koers.query.casefile.Signals;
import nl.koers.query.caseload.CaseloadQueries;
import nl.koers.query.common.BusinessDates;
import nl.koers.query.common.IndividualReadPolicy;
import nl.koers.query.summary.SummaryFilter;
import nl.koers.query.summary.SummaryReader;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What needs doing now, most urgent first: every {@link Signal} of every trajectory in the reader's scope (a focus
 * area, or their own cases with {@code caseworker=me}), derived when read from the caseload view's entries and
 * today's business date ({@link Signals}), so a worklist read tomorrow can hold a signal no event caused and the
 * caseload's counts always agree with it. Each row shown names a youth and is logged as a read of that trajectory.
 */
@Service
public record WorklistReader(CaseloadQueries caseloads, SummaryReader summaries, IndividualReadPolicy policy,
                             Clock clock) {
    public static final int MAX_PAGE_SIZE = 100;
    public static final int DEFAULT_PAGE_SIZE = 50;

    /**
     * One thing to do: which trajectory (and youth, and the CBS wijk it is in), what, by when; {@code detail} says
     * which one of several.
     */
    public record Item(String trajectoryId, SummaryReader.Youth youth, String neighbourhood, Signal.Kind signal,
                       LocalDate dueOn, String detail, String caseworker) {
    }

    /** {@code asOf}: the business date the signals were derived for; {@code total} items over all pages. */
    public record Worklist(LocalDate asOf, List<Item> items, int page, int size, long total) {
    }

    /**
     * @param focusArea  one focus area of the reader's ({@code null}: all of them)
     * @param caseworker only this caseworker's trajectories; {@value SummaryFilter#ME} for the reader's own
     *                   ({@code null}: everyone's)
     * @param purpose    why a justice liaison reads it
     */
    public Worklist worklist(KoersUser reader, String focusArea, String caseworker, int page, int size,
                             String purpose) {
        FieldChecks checks = new FieldChecks(clock);
        if (focusArea != null) {
            checks.check(ReferenceData.get().focusArea(focusArea).isPresent(), "focusArea", "is not a focus area");
        }
        checks.maxLength("caseworker", caseworker, 100);
        checks.check(page >= 0, "page", "must be 0 or more");
        checks.check(size >= 1 && size <= MAX_PAGE_SIZE, "size", "must be 1 to " + MAX_PAGE_SIZE);
        checks.throwIfAny();
        policy.checkReader(reader, purpose);
        Optional<Set<String>> own = policy.listableAreas(reader, focusArea);
        Set<String> areas = focusArea != null ? Set.of(focusArea) : own.orElseGet(WorklistReader::allAreas);
        String who = SummaryFilter.ME.equals(caseworker) ? reader.username() : caseworker;

        LocalDate today = BusinessDates.today(clock);
        record Pending(String trajectoryId, String caseworker, Signal signal) {
        }
        List<Pending> pending = new ArrayList<>();
        caseloads.cases(areas).forEach((trajectoryId, facts) -> {
            if (who == null || who.equals(facts.caseworker())) {
                Signals.of(facts, today).forEach(signal -> pending.add(new Pending(trajectoryId, facts.caseworker(),
                        signal)));
            }
        });
        pending.sort(Comparator.comparing(Pending::signal, Signals.URGENCY).thenComparing(Pending::trajectoryId));
        List<Pending> shown = pending.subList(Math.min(pending.size(), page * size),
                Math.min(pending.size(), (page + 1) * size));
        Map<String, SummaryReader.Summary> rows = summaries.rows(reader,
                shown.stream().map(Pending::trajectoryId).distinct().toList(), "WORKLIST", purpose);
        List<Item> items = shown.stream().filter(p -> rows.containsKey(p.trajectoryId()))
                .map(p -> new Item(p.trajectoryId(), rows.get(p.trajectoryId()).youth(),
                        rows.get(p.trajectoryId()).neighbourhood(), p.signal().kind(),
                        p.signal().dueOn(), p.signal().detail(), p.caseworker()))
                .toList();
        return new Worklist(today, items, page, size, pending.size());
    }

    private static Set<String> allAreas() {
        return ReferenceData.get().focusAreas().stream().map(FocusArea::code).map(FocusAreaCode::value)
                .collect(Collectors.toSet());
    }
}
