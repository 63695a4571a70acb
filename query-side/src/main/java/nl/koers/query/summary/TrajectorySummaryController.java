package nl.koers.query.summary;

import nl.koers.events.common.Phase;
import nl.koers.events.reference.ReferenceData;
import nl.koers.platform.security.CurrentUser;
import nl.koers.platform.security.KoersUser;
import nl.koers.platform.web.ApiProblem;
import nl.koers.platform.web.FieldChecks;
import nl.koers.query.common.IndividualReadPolicy;
import nl.koers.query.common.PersonalFields;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/trajectories/{id}} (the summary) and {@code GET /api/trajectories?…} (a page of summaries),
 * with personal fields opened for the reader.
 */
@RestController
@RequestMapping("/api/trajectories")
public class TrajectorySummaryController {
    static final int MAX_PAGE_SIZE = 100;
    private final SummaryQueries queries;
    private final SummaryAccess access;
    private final PersonalFields personal;
    private final CurrentUser currentUser;
    private final Clock clock;

    public TrajectorySummaryController(SummaryQueries queries, SummaryAccess access, PersonalFields personal,
                                       CurrentUser currentUser, Clock clock) {
        this.queries = queries;
        this.access = access;
        this.personal = personal;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @GetMapping("/{id}")
    public Map<String, Object> summary(@PathVariable String id,
                                       @RequestHeader(name = IndividualReadPolicy.PURPOSE_HEADER, required = false)
                                       String purpose) {
        KoersUser user = currentUser.get();
        access.checkReader(user, purpose);
        TrajectorySummary summary = queries.find(id)
                .orElseThrow(() -> ApiProblem.notFound("no trajectory with this id"));
        access.checkRead(user, summary, purpose);
        return toJson(summary);
    }

    @GetMapping
    public Map<String, Object> list(@RequestParam(required = false) String neighbourhood,
                                    @RequestParam(required = false) String focusArea,
                                    @RequestParam(required = false) String gemeente,
                                    @RequestParam(required = false) String phase,
                                    @RequestParam(required = false) String caseworker,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "20") int size,
                                    @RequestHeader(name = IndividualReadPolicy.PURPOSE_HEADER, required = false)
                                    String purpose) {
        KoersUser user = currentUser.get();
        FieldChecks checks = new FieldChecks(clock);
        if (neighbourhood != null) {
            checks.check(ReferenceData.get().wijk(neighbourhood).isPresent(), "neighbourhood",
                    "is not a CBS 2024 wijk code of the programme's municipalities");
        }
        if (focusArea != null) {
            checks.check(ReferenceData.get().focusArea(focusArea).isPresent(), "focusArea", "is not a focus area");
        }
        if (gemeente != null) {
            checks.check(!ReferenceData.get().wijkenOfGemeente(gemeente).isEmpty(), "gemeente",
                    "is not a municipality of the programme (GMxxxx)");
        }
        if (phase != null) {
            checks.check(Arrays.stream(Phase.values()).anyMatch(p -> p.name().equals(phase)), "phase",
                    "not a valid value; allowed: PREVENTION, DETENTION, AFTERCARE, CLOSED");
        }
        checks.maxLength("caseworker", caseworker, 100);
        checks.check(page >= 0, "page", "must be 0 or more");
        checks.check(size >= 1 && size <= MAX_PAGE_SIZE, "size", "must be 1 to " + MAX_PAGE_SIZE);
        checks.throwIfAny();

        Optional<Set<String>> areas = access.checkList(user, purpose, focusArea);
        SummaryQueries.Page result = queries.list(new SummaryQueries.ListFilter(neighbourhood, focusArea, gemeente,
                phase, caseworker, areas), page, size);
        Map<String, Object> body = new LinkedHashMap<>();
        result.items().forEach(item -> access.logListed(user, item, purpose));
        List<Map<String, Object>> items = result.items().stream().map(this::toJson).toList();
        body.put("items", items);
        body.put("page", result.page());
        body.put("size", result.size());
        body.put("total", result.total());
        return body;
    }

    private Map<String, Object> toJson(TrajectorySummary summary) {
        PersonalFields.Opener opener = personal.of(summary.youthId());
        Map<String, Object> youth = new LinkedHashMap<>();
        youth.put("givenName", opener.open(summary.sealedGivenName()));
        youth.put("familyName", opener.open(summary.sealedFamilyName()));
        youth.put("birthDate", opener.open(summary.sealedBirthDate()));
        youth.put("erased", opener.erased());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("trajectoryId", summary.trajectoryId());
        body.put("youthId", summary.youthId());
        body.put("youth", youth);
        body.put("neighbourhood", summary.neighbourhood());
        body.put("focusArea", summary.focusArea());
        body.put("gemeente", summary.gemeente());
        body.put("phase", summary.phase());
        body.put("openedOn", summary.openedOn());
        body.put("closedOn", summary.closedOn());
        body.put("closureReason", summary.closureReason());
        body.put("caseworker", summary.caseworker());
        body.put("version", summary.version());
        return body;
    }
}
