package nl.koers.query.summary;

import nl.koers.platform.security.CurrentUser;
import nl.koers.query.common.IndividualReadPolicy;
import nl.koers.query.common.KnownAt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/trajectories/{id}[?minVersion=N][&knownAt=…]} (the summary) and
 * {@code GET /api/trajectories?…} (a page of summaries; with {@code q} a search).
 */
@RestController
@RequestMapping("/api/trajectories")
public record TrajectorySummaryController(SummaryReader reader, CurrentUser currentUser) {
    @GetMapping("/{id}")
    public SummaryReader.Summary summary(@PathVariable String id,
                                         @RequestParam(required = false) Long minVersion,
                                         @RequestParam(required = false) String knownAt,
                                         @RequestHeader(name = IndividualReadPolicy.PURPOSE_HEADER, required = false)
                                         String purpose) {
        return reader.summary(currentUser.get(), id, minVersion, KnownAt.parse(knownAt), purpose);
    }

    @GetMapping
    public SummaryReader.Page list(@RequestParam(required = false) String q,
                                   @RequestParam(required = false) String neighbourhood,
                                   @RequestParam(required = false) String focusArea,
                                   @RequestParam(required = false) String gemeente,
                                   @RequestParam(required = false) String phase,
                                   @RequestParam(required = false) String caseworker,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "20") int size,
                                   @RequestHeader(name = IndividualReadPolicy.PURPOSE_HEADER, required = false)
                                   String purpose) {
        SummaryFilter filter = new SummaryFilter(neighbourhood, focusArea, gemeente, phase, caseworker);
        return q == null ? reader.list(currentUser.get(), filter, page, size, purpose)
                : reader.search(currentUser.get(), q, filter, page, size, purpose);
    }
}
