package nl.koers.query.summary;

import nl.koers.events.common.Phase;
import nl.koers.events.reference.ReferenceData;
import nl.koers.events.trajectory.ClosureReason;
import nl.koers.platform.security.KoersUser;
import nl.koers.platform.web.ApiProblem;
import nl.koers.platform.web.FieldChecks;
import nl.koers.query.common.BusinessDates;
import nl.koers.query.common.IndividualReadPolicy;
import nl.koers.query.common.PersonalFields;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Trajectory summaries for the person reading them: youth workers within their focus areas, justice liaisons with
 * a purpose ({@link IndividualReadPolicy}), checked in api.md's order (400, 403, 404). Every summary and every
 * list row handed out is logged as a read of that trajectory; the youth's sealed fields are opened for the reader.
 */
@Service
public record SummaryReader(SummaryQueries queries, IndividualReadPolicy policy, PersonalFields personal,
                            Clock clock) {
    public static final int MAX_PAGE_SIZE = 100;

    /** The youth as this reader sees them: {@code null} fields and {@code erased} after erasure. */
    public record Youth(String givenName, String familyName, String birthDate, boolean erased) {
    }

    public record Summary(String trajectoryId, String youthId, Youth youth, String neighbourhood, String focusArea,
                          String gemeente, Phase phase, LocalDate openedOn, LocalDate closedOn,
                          ClosureReason closureReason, String caseworker, long version) {
    }

    /** Page {@code page} (from 0) of {@code size} summaries, newest opened first; {@code total} over all pages. */
    public record Page(List<Summary> items, int page, int size, long total) {
    }

    /** One trajectory's summary ({@code purpose}: why a justice liaison reads it). */
    public Summary summary(KoersUser reader, String trajectoryId, String purpose) {
        policy.checkReader(reader, purpose);
        TrajectorySummary summary = queries.find(trajectoryId)
                .orElseThrow(() -> ApiProblem.notFound("no trajectory with this id"));
        policy.checkArea(reader, summary.focusArea());
        policy.logRead(reader, "READ_SUMMARY", summary.trajectoryId(), summary.youthId(), purpose);
        return open(summary);
    }

    /** A youth worker's list covers their own focus areas only; asking for another area is refused. */
    public Page list(KoersUser reader, SummaryFilter filter, int page, int size, String purpose) {
        check(filter, page, size);
        policy.checkReader(reader, purpose);
        Optional<Set<String>> areas = policy.listableAreas(reader, filter.focusArea());
        SummaryQueries.Page found = queries.list(new SummaryQueries.ListFilter(filter.neighbourhood(),
                filter.focusArea(), filter.gemeente(), filter.phase(), filter.caseworker(), areas), page, size);
        found.items().forEach(item -> policy.logRead(reader, "LIST", item.trajectoryId(), item.youthId(), purpose));
        return new Page(found.items().stream().map(this::open).toList(), found.page(), found.size(), found.total());
    }

    private void check(SummaryFilter filter, int page, int size) {
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
        checks.check(page >= 0, "page", "must be 0 or more");
        checks.check(size >= 1 && size <= MAX_PAGE_SIZE, "size", "must be 1 to " + MAX_PAGE_SIZE);
        checks.throwIfAny();
    }

    private Summary open(TrajectorySummary summary) {
        PersonalFields.Opener opener = personal.of(summary.youthId());
        Youth youth = new Youth(opener.open(summary.sealedGivenName()), opener.open(summary.sealedFamilyName()),
                opener.open(summary.sealedBirthDate()), opener.erased());
        return new Summary(summary.trajectoryId(), summary.youthId(), youth, summary.neighbourhood(),
                summary.focusArea(), summary.gemeente(), Phase.valueOf(summary.phase()),
                BusinessDates.parse(summary.openedOn()), BusinessDates.parse(summary.closedOn()),
                summary.closureReason() == null ? null : ClosureReason.valueOf(summary.closureReason()),
                summary.caseworker(), summary.version());
    }
}
