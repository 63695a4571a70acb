package nl.koers.query.history;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import nl.koers.query.common.VersionWait;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Reads a history by {@code _id}, optionally waiting until the view has applied a given version. */
@Component
public class HistoryQueries {
    private final MongoCollection<Document> histories;

    public HistoryQueries(@Qualifier("koers") MongoDatabase database) {
        this.histories = database.getCollection(HistoryView.COLLECTION);
    }

    /** The stored document (entries still sealed); with {@code minVersion}, once it holds that version. */
    Optional<VersionWait.Found> find(String trajectoryId, Long minVersion) {
        return VersionWait.find(histories, trajectoryId, minVersion, VersionWait.MAX_WAIT);
    }
}
