package nl.koers.query.history;

import nl.koers.platform.security.CurrentUser;
import nl.koers.platform.security.KoersUser;
import nl.koers.platform.web.ApiProblem;
import nl.koers.query.common.IndividualReadPolicy;
import nl.koers.query.common.PersonalFields;
import org.bson.Document;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/trajectories/{id}/history[?knownAt=<instant>][&minVersion=N]}.
 * <ul>
 * <li>{@code knownAt}: exactly the entries recorded at or before that instant (recorded = the event's timestamp),
 * with only the corrections known by then.</li>
 * <li>{@code minVersion}: waits up to 5 s until the view has applied that version (read your own writes). The
 * answer is always {@code 200} with what the view holds; {@code version} says which version that is and
 * {@code minVersionReached} whether it includes the one asked for ({@code false} after the 5 s: try again).
 * A trajectory the view has not seen at all by then is {@code 404}.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/trajectories")
public class HistoryController {
    private final HistoryQueries queries;
    private final HistoryAccess access;
    private final PersonalFields personal;
    private final CurrentUser currentUser;

    public HistoryController(HistoryQueries queries, HistoryAccess access, PersonalFields personal,
                             CurrentUser currentUser) {
        this.queries = queries;
        this.access = access;
        this.personal = personal;
        this.currentUser = currentUser;
    }

    @GetMapping("/{id}/history")
    public Map<String, Object> history(@PathVariable String id,
                                       @RequestParam(required = false) Instant knownAt,
                                       @RequestParam(required = false) Long minVersion,
                                       @RequestHeader(name = IndividualReadPolicy.PURPOSE_HEADER, required = false)
                                       String purpose) {
        KoersUser user = currentUser.get();
        if (minVersion != null && minVersion < 0) {
            throw ApiProblem.invalid("minVersion", "must be 0 or more");
        }
        access.checkReader(user, purpose);
        Optional<HistoryQueries.Found> found = minVersion == null
                ? queries.find(id).map(doc -> new HistoryQueries.Found(doc, true))
                : queries.await(id, minVersion, HistoryQueries.MAX_WAIT);
        HistoryQueries.Found history = found.orElseThrow(() -> ApiProblem.notFound("no trajectory with this id"));
        Document doc = history.history();
        access.checkRead(user, doc.getString("focusArea"), doc.getString("_id"), doc.getString("youthId"), purpose);

        PersonalFields.Opener opener = personal.of(doc.getString("youthId"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("trajectoryId", doc.getString("_id"));
        body.put("version", history.version());
        if (minVersion != null) {
            body.put("minVersionReached", history.minVersionReached());
        }
        if (knownAt != null) {
            body.put("knownAt", knownAt.toString());
        }
        body.put("youthErased", opener.erased());
        body.put("entries", HistoryView.entries(doc, knownAt, opener));
        return body;
    }
}
