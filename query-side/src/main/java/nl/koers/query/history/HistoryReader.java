package nl.koers.query.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.koers.platform.security.KoersUser;
import nl.koers.platform.web.ApiProblem;
import nl.koers.query.common.IndividualReadPolicy;
import nl.koers.query.common.PersonalFields;
import nl.koers.query.common.VersionWait;
import org.bson.Document;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A trajectory's history for the person reading it: youth workers within their focus areas, justice liaisons with
 * a purpose ({@link IndividualReadPolicy}), checked in api.md's order (400, 403, 404). Every history handed out is
 * logged as a read; sealed values are opened for the reader.
 */
@Service
public record HistoryReader(HistoryQueries queries, IndividualReadPolicy policy, PersonalFields personal) {
    /**
     * The entries in order (see {@link HistoryAnswer}); {@code version} is the trajectory version the view holds.
     * {@code minVersionReached} and {@code knownAt} are there only when asked for.
     */
    public record History(String trajectoryId, long version,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Boolean minVersionReached,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Instant knownAt,
                          boolean youthErased, List<Map<String, Object>> entries) {
    }

    /**
     * @param knownAt    only the entries recorded at or before this instant, with the corrections known then
     *                   ({@code null}: all); {@code KnownAt.parse} reads what a person types (a date or an instant)
     * @param minVersion waits up to {@link VersionWait#MAX_WAIT} until the view has applied this version (read
     *                   your own writes); the answer then says whether it did ({@code null}: no waiting)
     * @param purpose    why a justice liaison reads it
     */
    public History history(KoersUser reader, String trajectoryId, Instant knownAt, Long minVersion, String purpose) {
        VersionWait.check(minVersion);
        policy.checkReader(reader, purpose);
        VersionWait.Found history = queries.find(trajectoryId, minVersion)
                .orElseThrow(() -> ApiProblem.notFound("no trajectory with this id"));
        Document doc = history.document();
        policy.checkArea(reader, doc.getString("focusArea"));
        policy.logRead(reader, "READ_HISTORY", doc.getString("_id"), doc.getString("youthId"), purpose);

        PersonalFields.Opener opener = personal.of(doc.getString("youthId"));
        return new History(doc.getString("_id"), history.version(),
                minVersion == null ? null : history.minVersionReached(), knownAt, opener.erased(),
                HistoryAnswer.entries(doc, knownAt, opener));
    }
}
