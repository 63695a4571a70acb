package nl.koers.query.history;

import nl.koers.query.common.VersionWait;
import nl.koers.query.common.ViewGenerations;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Reads a history by {@code _id}, optionally waiting until the view has applied a given version. */
@Component
public class HistoryQueries {
    private final ViewGenerations.GenerationalCollection histories;

    public HistoryQueries(ViewGenerations generations) {
        this.histories = HistoryView.histories(generations);
    }

    /** The stored document (entries still sealed); with {@code minVersion}, once it holds that version. */
    Optional<VersionWait.Found> find(String trajectoryId, Long minVersion) {
        return VersionWait.find(histories.forReading(), trajectoryId, minVersion, VersionWait.MAX_WAIT);
    }
}
