package nl.koers.platform.accesslog;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.LongStream;

/**
 * The append-only access log, chained like the event log: each entry's {@code _id} is its sequence number and it
 * carries the hash of the entry before it ({@link AccessLogLink}), so an edited, removed or reordered entry shows
 * in an export. This class offers no update or delete, and nothing else in Koers writes the {@code access_log}
 * collection; in production the application's MongoDB user gets only {@code insert} and {@code find} on it (see
 * infra/deploy). Entries hold pseudonymous ids, never names or notes.
 * <p>
 * Within a JVM appends take turns (the chain needs the previous hash), and those that wait for their turn go out
 * together in one insert; across replicas the unique {@code _id} decides: a replica whose head is stale gets a
 * duplicate key, reloads the head and links after the entry that won, so the chain stays one line without gaps.
 */
@Component
public class AccessLog {
    static final String COLLECTION = "access_log";
    private static final int EXPORT_BATCH = 500;
    /**
     * A clash means another replica appended, so retrying always makes progress somewhere; the limit only stops a
     * loop on an error that is not a clash. Under heavy contention a writer can lose many times in a row: it backs
     * off a random moment before it links again.
     */
    private static final int ATTEMPTS = 200;
    private final MongoCollection<Document> log;
    private final Clock clock;
    /** Guards {@link #waiting} and {@link #writing}; the one thread writing owns {@link #head}. */
    private final Object turns = new Object();
    private final List<Request> waiting = new ArrayList<>();
    private boolean writing;
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
        write(List.of(new Unlinked(user, role, action, resource, trajectoryId, youthId, shortened(purpose),
                AccessLogEntry.GRANTED, 200)));
    }

    /** One read of a trajectory, by pseudonymous ids. */
    public record Read(String trajectoryId, String youthId) {
    }

    /**
     * Several granted reads of one request at once (the rows of a list, a search or a worklist), one chained entry
     * each, written together.
     */
    public void grantedEach(String user, String role, String action, List<Read> reads, String purpose) {
        if (reads.isEmpty()) {
            return;
        }
        String reason = shortened(purpose);
        write(reads.stream().map(read -> new Unlinked(user, role, action, "/api/trajectories/" + read.trajectoryId(),
                read.trajectoryId(), read.youthId(), reason, AccessLogEntry.GRANTED, 200)).toList());
    }

    public void refused(String user, String role, String action, String resource, String trajectoryId,
                        String youthId, String purpose, int status) {
        write(List.of(new Unlinked(user, role, action, resource, trajectoryId, youthId, shortened(purpose),
                AccessLogEntry.REFUSED, status)));
    }

    /** What an entry says before it is linked into the chain (its sequence, time and hashes). */
    private record Unlinked(String user, String role, String action, String resource, String trajectoryId,
                            String youthId, String purpose, String outcome, int status) {
    }

    /** The entries of one request; done once they are stored (or the write failed). */
    private static final class Request {
        final List<Unlinked> entries;
        boolean done;
        RuntimeException failure;

        Request(List<Unlinked> entries) {
            this.entries = entries;
        }
    }

    /**
     * Stores a request's entries before it returns. Requests that arrive while another write is under way wait and
     * then go out together, in one ordered insert: one disk commit for all of them instead of one each, while every
     * caller still returns only once its own entries are stored.
     */
    private void write(List<Unlinked> entries) {
        Request mine = new Request(entries);
        List<Request> group;
        synchronized (turns) {
            waiting.add(mine);
            boolean interrupted = false;
            while (writing && !mine.done) {
                try {
                    turns.wait();
                } catch (InterruptedException e) {
                    interrupted = true; // the entry must be stored (or fail) before the request goes on
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (mine.done) {
                if (mine.failure != null) {
                    throw mine.failure;
                }
                return;
            }
            writing = true;
            group = new ArrayList<>(waiting);
            waiting.clear();
        }
        RuntimeException failure = null;
        try {
            List<Unlinked> all = new ArrayList<>();
            group.forEach(request -> all.addAll(request.entries));
            insertChained(all);
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            synchronized (turns) {
                for (Request request : group) {
                    request.done = true;
                    request.failure = failure;
                }
                writing = false;
                turns.notifyAll();
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Links the entries after the head and inserts them in order. Another replica may have appended in between: the
     * unique {@code _id} refuses the first clashing entry, those before it are in, and the rest link after the
     * entry that won. Only one thread at a time runs this ({@link #write}).
     */
    private void insertChained(List<Unlinked> entries) {
        // MongoDB keeps milliseconds: hash what is stored
        String at = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
        int stored = 0;
        for (int attempt = 1; stored < entries.size(); attempt++) {
            if (head == null) {
                head = loadHead();
            }
            List<Document> documents = new ArrayList<>(entries.size() - stored);
            AccessLogLink previous = head;
            for (Unlinked entry : entries.subList(stored, entries.size())) {
                previous = new AccessLogLink(previous.sequence() + 1, at, entry.user(), entry.role(), entry.action(),
                        entry.resource(), entry.trajectoryId(), entry.youthId(), entry.purpose(), entry.outcome(),
                        entry.status(), previous.hash(), null).hashed();
                documents.add(toDocument(previous));
            }
            try {
                log.insertMany(documents);
                head = previous;
                stored = entries.size();
            } catch (MongoBulkWriteException e) {
                if (e.getWriteErrors().isEmpty() || attempt == ATTEMPTS || ErrorCategory.fromErrorCode(
                        e.getWriteErrors().get(0).getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                stored += e.getWriteErrors().get(0).getIndex();
                head = null;
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(2_000_000));
            }
        }
    }

    /**
     * The last chained entry, found by its sequence number alone: the chain has no gaps (every entry is its
     * predecessor's sequence plus one, and the unique {@code _id} refuses a second one), so the head is the last
     * number that exists. Doubling and then halving finds it in about 2·log2(n) lookups by {@code _id}. A sort on
     * {@code _id} would be one query on MongoDB, but the in-process server answers it by reading and sorting the whole
     * log: with a few hundred thousand entries that filled the heap at the first read after a start. Entries of
     * versions before the chain have no sequence number and are never found here.
     */
    private AccessLogLink loadHead() {
        if (!exists(1)) {
            return AccessLogLink.BEFORE_FIRST;
        }
        long present = 1;
        long absent = 2;
        while (exists(absent)) {
            present = absent;
            absent *= 2;
        }
        while (absent - present > 1) {
            long middle = present + (absent - present) / 2;
            if (exists(middle)) {
                present = middle;
            } else {
                absent = middle;
            }
        }
        return toLink(log.find(Filters.eq("_id", present)).first());
    }

    private boolean exists(long sequence) {
        return log.find(Filters.eq("_id", sequence)).projection(Projections.include("_id")).first() != null;
    }

    /** Writes up to {@code limit} chained entries from sequence {@code from} on, as JSON Lines; returns how many. */
    public long export(long from, long limit, OutputStream out) throws IOException {
        long written = 0;
        long next = Math.max(1, from);
        while (written < limit) {
            long batchEnd = next + Math.min(EXPORT_BATCH, limit - written);
            // by their numbers, not as a range: the in-process server answers a range on _id by a full scan
            List<Long> sequences = LongStream.range(next, batchEnd).boxed().toList();
            List<Document> batch = new ArrayList<>(EXPORT_BATCH);
            log.find(Filters.in("_id", sequences)).sort(Sorts.ascending("_id")).into(batch);
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
    private static String shortened(String purpose) {
        return purpose == null || purpose.length() <= 300 ? purpose : purpose.substring(0, 300);
    }
}
