package nl.koers.query.operations;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import nl.koers.query.common.ViewDescriptor;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps views in step with the code that builds them. Each view declares a version number
 * ({@link ViewDescriptor#version()}); raise it whenever a projection changes the shape or meaning of its
 * documents. At start-up a view whose stored number differs is rebuilt from the start of the event log, so an
 * upgraded Koers never serves documents an older version wrote. A view seen for the first time just records its
 * number. On a deployment with several query-side replicas,
 * upgrade them together (see {@link ViewRebuilds}).
 */
@Component
public class ViewVersions {
    private static final Logger log = LoggerFactory.getLogger(ViewVersions.class);
    private final MongoCollection<Document> versions;
    private final ViewRebuilds rebuilds;
    private final List<ViewDescriptor> views;

    public ViewVersions(@Qualifier("koers") MongoDatabase database, ViewRebuilds rebuilds,
                        List<ViewDescriptor> views) {
        this.versions = database.getCollection("view_versions");
        this.rebuilds = rebuilds;
        this.views = views.stream().sorted(Comparator.comparing(ViewDescriptor::name)).toList();
    }

    /** Returns the views it started rebuilding. */
    @EventListener(ApplicationReadyEvent.class)
    public List<String> rebuildOutdatedViews() {
        List<String> rebuilt = new ArrayList<>();
        List<ViewDescriptor> unrecorded = new ArrayList<>();
        // a rebuild a stop interrupted goes on first (readers still see the generation from before it)
        rebuilds.resumeInterrupted();
        views.forEach(descriptor -> {
            String view = descriptor.name();
            int version = descriptor.version();
            Document stored = versions.find(Filters.eq("_id", view)).first();
            if (stored != null && stored.getInteger("version", 0) != version) {
                log.info("View {} was built by version {} of its projection, the code is at {}: rebuilding it",
                        view, stored.getInteger("version", 0), version);
                rebuilt.add(view);
            }
            if (stored == null || stored.getInteger("version", 0) != version) {
                unrecorded.add(descriptor);
            }
        });
        // one read of the log for all of them; the version is recorded once the rebuild has begun (a stop before
        // the switch resumes it from the fresh generation's pointer, as for a single view)
        if (!rebuilt.isEmpty()) {
            rebuilds.rebuildFromScratch(rebuilt);
        }
        unrecorded.forEach(descriptor -> versions.replaceOne(Filters.eq("_id", descriptor.name()),
                new Document("_id", descriptor.name()).append("version", descriptor.version()),
                new ReplaceOptions().upsert(true)));
        return rebuilt;
    }
}
