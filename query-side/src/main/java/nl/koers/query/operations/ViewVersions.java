package nl.koers.query.operations;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import nl.koers.query.caseload.CaseloadProjection;
import nl.koers.query.history.HistoryProjection;
import nl.koers.query.outcome.OutcomeProjection;
import nl.koers.query.summary.TrajectorySummaryProjection;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps views in step with the code that builds them. Each view has a number here; raise it whenever a
 * projection changes the shape or meaning of its documents. At start-up a view whose stored number differs is
 * rebuilt from the start of the event log, so an upgraded Koers never serves documents an older version wrote.
 * A view seen for the first time just records its number. On a deployment with several query-side replicas,
 * upgrade them together (see {@link ViewRebuilds}).
 */
@Component
public class ViewVersions {
    private static final Logger log = LoggerFactory.getLogger(ViewVersions.class);
    static final Map<String, Integer> CURRENT = currentVersions();
    private final MongoCollection<Document> versions;
    private final ViewRebuilds rebuilds;

    public ViewVersions(@Qualifier("koers") MongoDatabase database, ViewRebuilds rebuilds) {
        this.versions = database.getCollection("view_versions");
        this.rebuilds = rebuilds;
    }

    private static Map<String, Integer> currentVersions() {
        Map<String, Integer> current = new LinkedHashMap<>();
        current.put(TrajectorySummaryProjection.PROCESSING_GROUP, 1);
        current.put(HistoryProjection.PROCESSING_GROUP, 1);
        current.put(CaseloadProjection.PROCESSING_GROUP, 1);
        current.put(OutcomeProjection.PROCESSING_GROUP, 1);
        return current;
    }

    /** Returns the views it started rebuilding. */
    @EventListener(ApplicationReadyEvent.class)
    public List<String> rebuildOutdatedViews() {
        List<String> rebuilt = new ArrayList<>();
        CURRENT.forEach((view, version) -> {
            Document stored = versions.find(Filters.eq("_id", view)).first();
            if (stored != null && stored.getInteger("version", 0) != version) {
                log.info("View {} was built by version {} of its projection, the code is at {}: rebuilding it",
                        view, stored.getInteger("version", 0), version);
                rebuilds.rebuild(view);
                rebuilt.add(view);
            }
            if (stored == null || stored.getInteger("version", 0) != version) {
                versions.replaceOne(Filters.eq("_id", view), new Document("_id", view).append("version", version),
                        new ReplaceOptions().upsert(true));
            }
        });
        return rebuilt;
    }
}
