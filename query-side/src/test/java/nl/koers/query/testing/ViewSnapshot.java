package nl.koers.query.testing;

import com.mongodb.client.MongoDatabase;
import nl.koers.query.common.ScopeEntries;
import nl.koers.query.common.ViewGenerations;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every document of the read side's view collections, by collection and {@code _id}: to compare two builds. Each
 * collection is read in the generation readers see ({@link ViewGenerations}). The revision of a scope document is
 * left out: it marks which write came last (random per batch, for readers that keep what they parsed), not what the
 * view holds. So is a scope document without entries: readers count none either way, and whether one is left behind
 * depends on whether a trajectory came and went within one batch.
 */
public final class ViewSnapshot {
    public static final List<String> VIEW_COLLECTIONS = List.of("view_trajectory_summary", "view_trajectory_history",
            "view_caseload_trajectory", "view_caseload", "view_outcome_trajectory", "view_outcomes");
    private static final Map<String, String> VIEW_OF = Map.of("view_trajectory_summary", "trajectory-summary",
            "view_trajectory_history", "trajectory-history", "view_caseload_trajectory", "caseload",
            "view_caseload", "caseload", "view_outcome_trajectory", "outcomes", "view_outcomes", "outcomes");

    private ViewSnapshot() {
    }

    public static Map<String, Map<Object, Document>> of(MongoDatabase database) {
        Map<String, Map<Object, Document>> snapshot = new LinkedHashMap<>();
        for (String collection : VIEW_COLLECTIONS) {
            Map<Object, Document> documents = new LinkedHashMap<>();
            List<Document> all = database.getCollection(live(database, collection)).find().into(new ArrayList<>());
            all.forEach(doc -> {
                doc.remove(ScopeEntries.REVISION);
                if (!isEmptyScope(doc)) {
                    documents.put(doc.get("_id"), doc);
                }
            });
            snapshot.put(collection, documents);
        }
        return snapshot;
    }

    private static boolean isEmptyScope(Document doc) {
        Document entries = doc.get(ScopeEntries.TRAJECTORIES, Document.class);
        return doc.keySet().stream().allMatch(key -> key.equals("_id") || key.equals(ScopeEntries.TRAJECTORIES))
                && (entries == null || entries.isEmpty());
    }

    /** The name of the generation of this view collection that readers see now. */
    public static String live(MongoDatabase database, String collection) {
        return ViewGenerations.liveName(database, VIEW_OF.get(collection), collection);
    }
}
