package nl.koers.query.history;

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
 * {@code GET /api/trajectories/{id}/history[?knownAt=<date or instant>][&minVersion=N]}.
 * <ul>
 * <li>{@code knownAt}: exactly the entries recorded at or before that instant (recorded = the event's timestamp),
 * with only the corrections known by then; a date means the end of that day in Amsterdam, and the answer's
 * {@code knownAt} says which instant was used.</li>
 * <li>{@code minVersion}: waits up to 5 s until the view has applied that version (read your own writes). The
 * answer is always {@code 200} with what the view holds; {@code version} says which version that is and
 * {@code minVersionReached} whether it includes the one asked for ({@code false} after the 5 s: try again).
 * A trajectory the view has not seen at all by then is {@code 404}.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/trajectories")
public record HistoryController(HistoryReader reader, CurrentUser currentUser) {
    @GetMapping("/{id}/history")
    public HistoryReader.History history(@PathVariable String id,
                                         @RequestParam(required = false) String knownAt,
                                         @RequestParam(required = false) Long minVersion,
                                         @RequestHeader(name = IndividualReadPolicy.PURPOSE_HEADER, required = false)
                                         String purpose) {
        return reader.history(currentUser.get(), id, KnownAt.parse(knownAt), minVersion, purpose);
    }
}
