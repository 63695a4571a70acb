package nl.koers.query.testing;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every document of the read side's view collections, by collection and {@code _id}: to compare two builds. */
public final class ViewSnapshot {
    public static final List<String> VIEW_COLLECTIONS = List.of("view_trajectory_summary", "view_trajectory_history",
            "view_caseload_trajectory", "view_caseload", "view_outcome_trajectory", "view_outcomes");

    private ViewSnapshot() {
    }

    public static Map<String, Map<Object, Document>> of(MongoDatabase database) {
        Map<String, Map<Object, Document>> snapshot = new LinkedHashMap<>();
        for (String collection : VIEW_COLLECTIONS) {
            Map<Object, Document> documents = new LinkedHashMap<>();
            List<Document> all = database.getCollection(collection).find().into(new ArrayList<>());
            all.forEach(doc -> documents.put(doc.get("_id"), doc));
            snapshot.put(collection, documents);
        }
        return snapshot;
    }
}
