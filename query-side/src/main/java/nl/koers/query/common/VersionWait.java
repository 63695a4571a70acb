package nl.koers.query.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import nl.koers.platform.web.ApiProblem;
import org.bson.Document;

import java.time.Duration;
import java.util.Optional;

/**
 * Read your own writes: a view document read by {@code _id} once it has applied a given trajectory version
 * ({@code ?minVersion=N}), waiting at most {@link #MAX_WAIT}. Polling by {@code _id} is cheap and works whichever
 * replica runs the projection. After the wait the answer is what the view holds, and says it did not get there.
 */
public final class VersionWait {
    /** How long a read-your-writes request may wait for the view. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(5);
    private static final long FIRST_POLL_MILLIS = 10;
    private static final long MAX_POLL_MILLIS = 100;

    private VersionWait() {
    }

    /** The stored document, and whether it has reached the version asked for. */
    public record Found(Document document, boolean minVersionReached) {
        public long version() {
            return document.get(VersionedDocuments.VERSION, Number.class).longValue();
        }
    }

    /** 400 for a negative version; call with the other checks of the request. */
    public static void check(Long minVersion) {
        if (minVersion != null && minVersion < 0) {
            throw ApiProblem.invalid("minVersion", "must be 0 or more");
        }
    }

    /** At once without {@code minVersion}; otherwise as soon as the document holds it, or after {@code maxWait}. */
    public static Optional<Found> find(MongoCollection<Document> collection, String id, Long minVersion,
                                       Duration maxWait) {
        if (minVersion == null) {
            return read(collection, id).map(doc -> new Found(doc, true));
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        long pause = FIRST_POLL_MILLIS;
        while (true) {
            Optional<Document> document = read(collection, id);
            if (document.isPresent() && VersionedDocuments.applied(document.get(), minVersion)) {
                return Optional.of(new Found(document.get(), true));
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return document.map(doc -> new Found(doc, false));
            }
            try {
                Thread.sleep(Math.min(pause, Duration.ofNanos(left).toMillis() + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return document.map(doc -> new Found(doc, false));
            }
            pause = Math.min(pause * 2, MAX_POLL_MILLIS);
        }
    }

    private static Optional<Document> read(MongoCollection<Document> collection, String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first());
    }
}
