package nl.koers.query.summary;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.koers.events.aftercare.BasicCondition;
import nl.koers.events.common.Phase;
import nl.koers.events.reference.ReferenceData;
import nl.koers.events.trajectory.ClosureReason;
import nl.koers.platform.accesslog.AccessLog;
import nl.koers.platform.security.KoersUser;
import nl.koers.platform.web.ApiProblem;
import nl.koers.platform.web.FieldChecks;
import nl.koers.query.casefile.AtAGlance;
import nl.koers.query.casefile.CaseFile;
import nl.koers.query.common.IndividualReadPolicy;
import nl.koers.query.common.PersonalFields;
import nl.koers.query.common.VersionWait;
import nl.koers.query.search.CaseIndex;
import nl.koers.query.search.CaseIndexProgress;
import nl.koers.query.search.SearchQuery;
import nl.koers.query.search.SearchScope;
import org.bson.Document;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Trajectory summaries for the person reading them: youth workers within their focus areas, justice liaisons with
 * a purpose ({@link IndividualReadPolicy}), checked in api.md's order (400, 403, 404). Every summary and every
 * row handed out (a list, a search, a worklist) is logged as a read of that trajectory; the youth's sealed fields
 * are opened for the reader. The plain Java API the HTTP endpoints and the pages call alike.
 */
@Service
public record SummaryReader(SummaryQueries queries, IndividualReadPolicy policy, PersonalFields personal,
                            AsOfSummary asOf, CaseIndex index, CaseIndexProgress indexProgress, Clock clock) {
    public static final int MAX_PAGE_SIZE = 100;
    /** Far beyond any list a person pages through; keeps page × size far from overflowing. */
    public static final int MAX_PAGE = 100_000;

    /** The youth as this reader sees them: {@code null} fields and {@code erased} after erasure. */
    public record Youth(String givenName, String familyName, String birthDate, boolean erased) {
    }

    /**
     * A trajectory at a glance. {@code detention} is the current one or {@code null}; {@code basicConditions} the
     * latest assessment per condition; {@code followUpUntil} only once closed. {@code minVersionReached} and
     * {@code knownAt} are there only when asked for.
     */
    public record Summary(String trajectoryId, String youthId, Youth youth, String neighbourhood, String focusArea,
                          String gemeente, Phase phase, LocalDate openedOn, LocalDate closedOn,
                          ClosureReason closureReason, String caseworker, long version, AtAGlance.Detention detention,
                          List<AtAGlance.Intervention> interventions,
                          Map<BasicCondition, AtAGlance.Condition> basicConditions, LocalDate followUpUntil,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Boolean minVersionReached,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Instant knownAt) {
    }

    /** Page {@code page} (from 0) of {@code size} summaries; {@code total} over all pages. */
    public record Page(List<Summary> items, int page, int size, long total) {
    }

    /** One trajectory's summary as it is now ({@code purpose}: why a justice liaison reads it). */
    public Summary summary(KoersUser reader, String trajectoryId, String purpose) {
        return summary(reader, trajectoryId, null, null, purpose);
    }

    /**
     * @param minVersion waits up to {@link VersionWait#MAX_WAIT} until the view has this version (read your own
     *                   writes); the answer says whether it did ({@code null}: no waiting)
     * @param knownAt    the summary as the file was known at this instant, folded from the events recorded by
     *                   then ({@code null}: as it is now); 404 when nothing of it was recorded by then
     */
    public Summary summary(KoersUser reader, String trajectoryId, Long minVersion, Instant knownAt,
                           String purpose) {
        VersionWait.check(minVersion);
        policy.checkReader(reader, purpose);
        VersionWait.Found found = queries.find(trajectoryId, minVersion)
                .orElseThrow(() -> ApiProblem.notFound("no trajectory with this id"));
        CaseFile now = CaseFile.from(found.document());
        policy.checkArea(reader, now.focusArea());
        policy.logRead(reader, "READ_SUMMARY", now.trajectoryId(), now.youthId(), purpose);
        Boolean reached = minVersion == null ? null : found.minVersionReached();
        if (knownAt == null) {
            return open(now, found.version(), reached, null);
        }
        AsOfSummary.Known then = asOf.at(now.trajectoryId(), knownAt)
                .orElseThrow(() -> ApiProblem.notFound("nothing of this trajectory was recorded by " + knownAt));
        return open(then.file(), then.version(), reached, knownAt);
    }

    /** Newest opened first. A youth worker's list covers their own focus areas; asking for another is refused. */
    public Page list(KoersUser reader, SummaryFilter filter, int page, int size, String purpose) {
        check(filter, page, size, null);
        policy.checkReader(reader, purpose);
        SummaryFilter own = filter.forReader(reader);
        Optional<Set<String>> areas = policy.listableAreas(reader, own.focusArea());
        SummaryQueries.Page found = queries.list(new SummaryQueries.ListFilter(own.neighbourhood(),
                own.focusArea(), own.gemeente(), own.phase(), own.caseworker(), areas), page, size);
        return rows(reader, found.items(), page, size, found.total(), "LIST", purpose);
    }

    /**
     * Search within the list the reader may see ({@code filter} as for {@link #list}): part of a given or family
     * name, a birth date or a BSN ({@link SearchQuery}), best match first. 503 while the search index is still
     * being built after a start.
     */
    public Page search(KoersUser reader, String q, SummaryFilter filter, int page, int size, String purpose) {
        SearchQuery query = check(filter, page, size, q);
        policy.checkReader(reader, purpose);
        SummaryFilter own = filter.forReader(reader);
        Optional<Set<String>> areas = policy.listableAreas(reader, own.focusArea());
        indexProgress.checkReady();
        List<String> hits = index.search(query, new SearchScope(areas, own.neighbourhood(), own.focusArea(),
                own.gemeente(), own.phase(), own.caseworker()));
        List<String> shown = hits.subList(Math.min(hits.size(), page * size), Math.min(hits.size(), (page + 1) * size));
        Map<String, Document> documents = queries.findAll(shown);
        return rows(reader, shown.stream().map(documents::get).filter(Objects::nonNull).toList(), page, size,
                hits.size(), "SEARCH", purpose);
    }

    /**
     * The summaries of trajectories another reader has already chosen for this reader (a worklist's rows), each
     * logged as read with {@code action}, by trajectory id. The caller checked who reads and why.
     */
    public Map<String, Summary> rows(KoersUser reader, Collection<String> trajectoryIds, String action,
                                     String purpose) {
        Map<String, Document> documents = queries.findAll(trajectoryIds);
        Map<String, Summary> rows = new LinkedHashMap<>();
        trajectoryIds.stream().map(documents::get).filter(Objects::nonNull).map(CaseFile::from)
                .forEach(file -> rows.put(file.trajectoryId(), open(file, documents.get(file.trajectoryId()))));
        policy.logReads(reader, action, rows.values().stream()
                .map(row -> new AccessLog.Read(row.trajectoryId(), row.youthId())).toList(), purpose);
        return rows;
    }

    private Page rows(KoersUser reader, List<Document> documents, int page, int size, long total, String action,
                      String purpose) {
        List<Summary> items = documents.stream().map(doc -> open(CaseFile.from(doc), doc)).toList();
        policy.logReads(reader, action, items.stream()
                .map(item -> new AccessLog.Read(item.trajectoryId(), item.youthId())).toList(), purpose);
        return new Page(items, page, size, total);
    }

    /** Every problem of the request at once (400); the search text understood, when there is one. */
    private SearchQuery check(SummaryFilter filter, int page, int size, String q) {
        FieldChecks checks = new FieldChecks(clock);
        ReferenceData reference = ReferenceData.get();
        if (filter.neighbourhood() != null) {
            checks.check(reference.wijk(filter.neighbourhood()).isPresent(), "neighbourhood",
                    "is not a CBS 2024 wijk code of the programme's municipalities");
        }
        if (filter.focusArea() != null) {
            checks.check(reference.focusArea(filter.focusArea()).isPresent(), "focusArea", "is not a focus area");
        }
        if (filter.gemeente() != null) {
            checks.check(!reference.wijkenOfGemeente(filter.gemeente()).isEmpty(), "gemeente",
                    "is not a municipality of the programme (GMxxxx)");
        }
        if (filter.phase() != null) {
            checks.check(Arrays.stream(Phase.values()).anyMatch(p -> p.name().equals(filter.phase())), "phase",
                    "not a valid value; allowed: PREVENTION, DETENTION, AFTERCARE, CLOSED");
        }
        checks.maxLength("caseworker", filter.caseworker(), 100);
        checks.check(page >= 0 && page <= MAX_PAGE, "page", "must be 0 to " + MAX_PAGE);
        checks.check(size >= 1 && size <= MAX_PAGE_SIZE, "size", "must be 1 to " + MAX_PAGE_SIZE);
        SearchQuery query = null;
        if (q != null) {
            try {
                query = SearchQuery.parse(q);
            } catch (ApiProblem invalid) {
                invalid.errors().forEach(error -> checks.add(error.field(), error.message()));
            }
        }
        checks.throwIfAny();
        return query;
    }

    private Summary open(CaseFile file, Document stored) {
        return open(file, stored.get("version", Number.class).longValue(), null, null);
    }

    private Summary open(CaseFile file, long version, Boolean minVersionReached, Instant knownAt) {
        PersonalFields.Opener opener = personal.of(file.youthId());
        Youth youth = new Youth(opener.open(file.sealedYouth("givenName")), opener.open(file.sealedYouth("familyName")),
                opener.open(file.sealedYouth("birthDate")), opener.erased());
        return new Summary(file.trajectoryId(), file.youthId(), youth, file.neighbourhood(), file.focusArea(),
                file.gemeente(), Phase.valueOf(file.phase()), file.openedOn(), file.closedOn(),
                file.closureReason() == null ? null : ClosureReason.valueOf(file.closureReason()), file.caseworker(),
                version, file.detention(), file.interventions(), file.basicConditions(), file.followUpUntil(),
                minVersionReached, knownAt);
    }
}
