package nl.koers.platform.accesslog;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The append-only access log. This class offers no update or delete, and nothing else in Koers writes the
 * {@code access_log} collection; in production the application's MongoDB user gets only {@code insert} and
 * {@code find} on it (see infra/deploy). Entries hold pseudonymous ids, never names or notes.
 */
@Component
public class AccessLog {
    static final String COLLECTION = "access_log";
    private final MongoCollection<Document> log;
    private final Clock clock;

    public AccessLog(@Qualifier("koers") MongoDatabase database, Clock clock) {
        this.log = database.getCollection(COLLECTION);
        this.clock = clock;
        log.createIndex(Indexes.ascending("trajectoryId", "at"), new IndexOptions().name("by_trajectory"));
        log.createIndex(Indexes.ascending("youthId", "at"), new IndexOptions().name("by_youth"));
        log.createIndex(Indexes.ascending("at"), new IndexOptions().name("by_time"));
    }

    public void granted(String user, String role, String action, String resource, String trajectoryId,
                        String youthId, String purpose) {
        append(user, role, action, resource, trajectoryId, youthId, purpose, AccessLogEntry.GRANTED, 200);
    }

    /** One read of a trajectory, by pseudonymous ids. */
    public record Read(String trajectoryId, String youthId) {
    }

    /**
     * Several granted reads of one request at once (the rows of a list, a search or a worklist), one entry each,
     * written together.
     */
    public void grantedEach(String user, String role, String action, List<Read> reads, String purpose) {
        if (reads.isEmpty()) {
            return;
        }
        Instant at = clock.instant();
        log.insertMany(reads.stream().map(read -> entry(at, user, role, action,
                "/api/trajectories/" + read.trajectoryId(), read.trajectoryId(), read.youthId(), purpose,
                AccessLogEntry.GRANTED, 200)).toList());
    }

    public void refused(String user, String role, String action, String resource, String trajectoryId,
                        String youthId, String purpose, int status) {
        append(user, role, action, resource, trajectoryId, youthId, purpose, AccessLogEntry.REFUSED, status);
    }

    private void append(String user, String role, String action, String resource, String trajectoryId,
                        String youthId, String purpose, String outcome, int status) {
        log.insertOne(entry(clock.instant(), user, role, action, resource, trajectoryId, youthId, purpose, outcome,
                status));
    }

    private static Document entry(Instant at, String user, String role, String action, String resource,
                                  String trajectoryId, String youthId, String purpose, String outcome, int status) {
        return new Document("_id", UUID.randomUUID().toString())
                .append("at", Date.from(at))
                .append("user", user)
                .append("role", role)
                .append("action", action)
                .append("resource", resource)
                .append("trajectoryId", trajectoryId)
                .append("youthId", youthId)
                .append("purpose", purpose == null ? null : truncate(purpose))
                .append("outcome", outcome)
                .append("status", status);
    }

    /** Entries matching every given criterion (null = any), oldest first, at most {@code limit}. */
    public List<AccessLogEntry> find(String trajectoryId, String youthId, Instant from, Instant to, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (trajectoryId != null) {
            filters.add(Filters.eq("trajectoryId", trajectoryId));
        }
        if (youthId != null) {
            filters.add(Filters.eq("youthId", youthId));
        }
        if (from != null) {
            filters.add(Filters.gte("at", Date.from(from)));
        }
        if (to != null) {
            filters.add(Filters.lt("at", Date.from(to)));
        }
        FindIterable<Document> found = log.find(filters.isEmpty() ? new Document() : Filters.and(filters))
                .sort(Sorts.ascending("at")).limit(limit);
        List<AccessLogEntry> entries = new ArrayList<>();
        found.forEach((Consumer<Document>) d -> entries.add(new AccessLogEntry(d.getString("_id"),
                d.getDate("at").toInstant(), d.getString("user"), d.getString("role"), d.getString("action"),
                d.getString("resource"), d.getString("trajectoryId"), d.getString("youthId"),
                d.getString("purpose"), d.getString("outcome"), d.getInteger("status", 0))));
        return entries;
    }

    /** A purpose is the reader's justification, not a note about the youth; kept short. */
    private static String truncate(String purpose) {
        return purpose.length() > 300 ? purpose.substring(0, 300) : purpose;
    }
}
