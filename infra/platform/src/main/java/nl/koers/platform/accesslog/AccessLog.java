package nl.koers.platform.accesslog;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

/**
 * The append-only access log, chained like the event log: each entry's {@code _id} is its sequence number and it
 * carries the hash of the entry before it ({@link AccessLogLink}), so an edited, removed or reordered entry shows
 * in an export. This class offers no update or delete, and nothing else in Koers writes the {@code access_log}
 * collection; in production the application's MongoDB user gets only {@code insert} and {@code find} on it (see
 * infra/deploy). Entries hold pseudonymous ids, never names or notes.
 * <p>
 * Writing stays one insert per entry. Within a JVM appends take turns (the chain needs the previous hash); across
 * replicas the unique {@code _id} decides: a replica whose head is stale gets a duplicate key, reloads the head
 * and links after the entry that won, so the chain stays one line without gaps.
 */
@Component
public class AccessLog {
    static final String COLLECTION = "access_log";
    private static final int EXPORT_BATCH = 500;
    private static final int ATTEMPTS = 20;
    private final MongoCollection<Document> log;
    private final Clock clock;
    private AccessLogLink head;

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
     * Several granted reads of one request at once (the rows of a list, a search or a worklist), one chained entry
     * each, written in one ordered insert.
     */
    public synchronized void grantedEach(String user, String role, String action, List<Read> reads, String purpose) {
        if (reads.isEmpty()) {
            return;
        }
        String at = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
        String reason = purpose == null ? null : truncate(purpose);
        if (head == null) {
            head = loadHead();
        }
        List<Document> entries = new ArrayList<>(reads.size());
        AccessLogLink previous = head;
        for (Read read : reads) {
            previous = new AccessLogLink(previous.sequence() + 1, at, user, role, action,
                    "/api/trajectories/" + read.trajectoryId(), read.trajectoryId(), read.youthId(), reason,
                    AccessLogEntry.GRANTED, 200, previous.hash(), null).hashed();
            entries.add(toDocument(previous));
        }
        try {
            log.insertMany(entries);
            head = previous;
        } catch (MongoBulkWriteException e) {
            // another replica appended in between: the entries before the clash are in, the rest link after it
            int written = e.getWriteErrors().isEmpty() ? 0 : e.getWriteErrors().get(0).getIndex();
            head = null;
            for (Read read : reads.subList(written, reads.size())) {
                append(user, role, action, "/api/trajectories/" + read.trajectoryId(), read.trajectoryId(),
                        read.youthId(), purpose, AccessLogEntry.GRANTED, 200);
            }
        }
    }

    public void refused(String user, String role, String action, String resource, String trajectoryId,
                        String youthId, String purpose, int status) {
        append(user, role, action, resource, trajectoryId, youthId, purpose, AccessLogEntry.REFUSED, status);
    }

    private synchronized void append(String user, String role, String action, String resource, String trajectoryId,
                                     String youthId, String purpose, String outcome, int status) {
        // MongoDB keeps milliseconds: hash what is stored
        String at = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
        String reason = purpose == null ? null : truncate(purpose);
        for (int attempt = 1; ; attempt++) {
            if (head == null) {
                head = loadHead();
            }
            AccessLogLink entry = new AccessLogLink(head.sequence() + 1, at, user, role, action, resource,
                    trajectoryId, youthId, reason, outcome, status, head.hash(), null).hashed();
            try {
                log.insertOne(toDocument(entry));
                head = entry;
                return;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY || attempt == ATTEMPTS) {
                    throw e;
                }
                head = null; // another replica appended: link after its entry
            }
        }
    }

    /** The last chained entry (entries of versions before the chain have no sequence and are left out). */
    private AccessLogLink loadHead() {
        Document last = log.find(Filters.type("_id", BsonType.INT64)).sort(Sorts.descending("_id")).limit(1)
                .first();
        return last == null ? AccessLogLink.BEFORE_FIRST : toLink(last);
    }

    /** Writes up to {@code limit} chained entries from sequence {@code from} on, as JSON Lines; returns how many. */
    public long export(long from, long limit, OutputStream out) throws IOException {
        long written = 0;
        long next = Math.max(1, from);
        while (written < limit) {
            long batchEnd = next + Math.min(EXPORT_BATCH, limit - written);
            List<Document> batch = new ArrayList<>(EXPORT_BATCH);
            log.find(Filters.and(Filters.gte("_id", next), Filters.lt("_id", batchEnd)))
                    .sort(Sorts.ascending("_id")).into(batch);
            for (Document doc : batch) {
                out.write(toLink(doc).toLine().getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            }
            written += batch.size();
            if (batch.size() < batchEnd - next) {
                break; // the end of the log (or a gap, which the verifier names as missing)
            }
            next = batchEnd;
        }
        out.flush();
        return written;
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
        found.forEach((Consumer<Document>) d -> entries.add(new AccessLogEntry(String.valueOf(d.get("_id")),
                d.getDate("at").toInstant(), d.getString("user"), d.getString("role"), d.getString("action"),
                d.getString("resource"), d.getString("trajectoryId"), d.getString("youthId"),
                d.getString("purpose"), d.getString("outcome"), d.getInteger("status", 0))));
        return entries;
    }

    private static Document toDocument(AccessLogLink entry) {
        return new Document("_id", entry.sequence())
                .append("at", Date.from(Instant.parse(entry.at())))
                .append("user", entry.user())
                .append("role", entry.role())
                .append("action", entry.action())
                .append("resource", entry.resource())
                .append("trajectoryId", entry.trajectoryId())
                .append("youthId", entry.youthId())
                .append("purpose", entry.purpose())
                .append("outcome", entry.outcome())
                .append("status", (int) entry.status())
                .append("previousHash", entry.previousHash())
                .append("hash", entry.hash());
    }

    private static AccessLogLink toLink(Document d) {
        return new AccessLogLink(d.getLong("_id"), d.getDate("at").toInstant().toString(), d.getString("user"),
                d.getString("role"), d.getString("action"), d.getString("resource"), d.getString("trajectoryId"),
                d.getString("youthId"), d.getString("purpose"), d.getString("outcome"), d.getInteger("status", 0),
                d.getString("previousHash"), d.getString("hash"));
    }

    /** A purpose is the reader's justification, not a note about the youth; kept short. */
    private static String truncate(String purpose) {
        return purpose.length() > 300 ? purpose.substring(0, 300) : purpose;
    }
}
