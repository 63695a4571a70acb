package nl.koers.query.history;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import nl.koers.query.common.VersionedDocuments;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/** Reads a history by {@code _id}, optionally waiting until the view has applied a given version. */
@Component
public class HistoryQueries {
    /** How long a read-your-writes request ({@code minVersion}) may wait for the view. */
    static final Duration MAX_WAIT = Duration.ofSeconds(5);
    private static final long FIRST_POLL_MILLIS = 10;
    private static final long MAX_POLL_MILLIS = 100;
    private final MongoCollection<Document> histories;

    public HistoryQueries(@Qualifier("koers") MongoDatabase database) {
        this.histories = database.getCollection(HistoryView.COLLECTION);
    }

    /** The stored document (entries still sealed), and whether it has reached the version asked for. */
    record Found(Document history, boolean minVersionReached) {
        long version() {
            return history.get(VersionedDocuments.VERSION, Number.class).longValue();
        }
    }

    Optional<Document> find(String trajectoryId) {
        return Optional.ofNullable(histories.find(Filters.eq("_id", trajectoryId)).first());
    }

    /**
     * Polls the document by {@code _id} (cheap, and works whichever replica runs the projection) until it holds
     * {@code minVersion} or {@code maxWait} has passed; then answers with what there is.
     */
    Optional<Found> await(String trajectoryId, long minVersion, Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        long pause = FIRST_POLL_MILLIS;
        while (true) {
            Optional<Document> history = find(trajectoryId);
            if (history.isPresent() && VersionedDocuments.applied(history.get(), minVersion)) {
                return Optional.of(new Found(history.get(), true));
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return history.map(doc -> new Found(doc, false));
            }
            try {
                Thread.sleep(Math.min(pause, Duration.ofNanos(left).toMillis() + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return history.map(doc -> new Found(doc, false));
            }
            pause = Math.min(pause * 2, MAX_POLL_MILLIS);
        }
    }
}
