package nl.koers.command.idempotency;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Remembers, per user and {@code Idempotency-Key}, a SHA-256 of the request (never the request itself) and the
 * answer it got. A request first inserts a pending record on {@code _id}; the unique {@code _id} makes two
 * simultaneous requests with one key impossible to both win. Only successful answers are kept: after a refusal
 * the record is removed, so the client may correct nothing and simply retry (a refusal stored nothing either).
 * A pending record older than {@code koers.idempotency.abandoned-after} belongs to a request that died and may be taken over.
 */
@Component
public class IdempotencyStore {
    static final String COLLECTION = "cmd_idempotency_keys";

    private final MongoCollection<Document> records;
    private final Clock clock;
    private final Duration abandonedAfter;

    /** {@code abandonedAfter}: when a pending record counts as left behind by a request that died (default 2 min). */
    public IdempotencyStore(@Qualifier("koers") MongoDatabase database, Clock clock,
                            @Value("${koers.idempotency.abandoned-after:PT2M}") Duration abandonedAfter) {
        this.records = database.getCollection(COLLECTION);
        this.clock = clock;
        this.abandonedAfter = abandonedAfter;
    }

    /** A stored answer: status, JSON body and Location (may be null). */
    public record Answer(int status, String contentType, String body, String location) {
    }

    /** What to do with a request: run it (it is ours now), replay an answer, or refuse it. */
    public sealed interface Reservation permits Run, Replay, Mismatch, InProgress {
    }

    public record Run(String id) implements Reservation {
    }

    public record Replay(Answer answer) implements Reservation {
    }

    public record Mismatch() implements Reservation {
    }

    public record InProgress() implements Reservation {
    }

    public Reservation reserve(String user, String key, String requestHash) {
        String id = user + " " + key;
        Instant now = clock.instant();
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                records.insertOne(new Document("_id", id).append("requestHash", requestHash)
                        .append("state", "pending").append("reservedAt", Date.from(now)));
                return new Run(id);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            Optional<Document> existing = Optional.ofNullable(records.find(Filters.eq("_id", id)).first());
            if (existing.isEmpty()) {
                continue; // released in between: try to reserve again
            }
            Document record = existing.get();
            if (!requestHash.equals(record.getString("requestHash"))) {
                return new Mismatch();
            }
            if ("done".equals(record.getString("state"))) {
                return new Replay(new Answer(record.getInteger("status"), record.getString("contentType"),
                        record.getString("body"), record.getString("location")));
            }
            Date reservedAt = record.getDate("reservedAt");
            if (!reservedAt.toInstant().plus(abandonedAfter).isAfter(now)) {
                Document taken = records.findOneAndUpdate(Filters.and(Filters.eq("_id", id),
                                Filters.eq("state", "pending"), Filters.eq("reservedAt", reservedAt)),
                        Updates.set("reservedAt", Date.from(now)));
                if (taken != null) {
                    return new Run(id);
                }
                continue;
            }
            return new InProgress();
        }
        return new InProgress();
    }

    /** Keeps the successful answer for every later request with this key and body. */
    public void complete(String id, Answer answer) {
        records.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("state", "done"),
                Updates.set("status", answer.status()), Updates.set("contentType", answer.contentType()),
                Updates.set("body", answer.body()), Updates.set("location", answer.location()),
                Updates.set("completedAt", Date.from(clock.instant()))));
    }

    /** The request was refused or failed: the key is free again. */
    public void release(String id) {
        records.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", "pending")));
    }
}
