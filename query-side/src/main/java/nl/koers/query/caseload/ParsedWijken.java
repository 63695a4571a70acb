package nl.koers.query.caseload;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import nl.koers.query.casefile.WorkFacts;
import nl.koers.query.common.ScopeEntries;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The work facts in the wijk documents, parsed once per revision of each document. A wijk document holds an entry
 * for every trajectory in the wijk, so reading it whole and parsing every entry was most of the cost of a caseload
 * or worklist read, while the documents change far less often than they are read. A read now asks MongoDB for the
 * revisions only ({@link ScopeEntries#REVISION}, a fresh value with every batch that writes the document, on any
 * replica) and reads whole only the documents whose revision it has not parsed yet. A document without a revision
 * (written before they existed) is read whole every time.
 */
final class ParsedWijken {
    /** More than the wijken of two generations of the view; beyond it the parsed documents are forgotten. */
    private static final int MAX_DOCUMENTS = 2_000;

    private record Parsed(String revision, Map<String, WorkFacts> facts) {
    }

    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

    /** The work facts by trajectory id of each of these wijk documents that exists, by document id. */
    Map<String, Map<String, WorkFacts>> read(MongoCollection<Document> wijken, List<String> ids) {
        String collection = wijken.getNamespace().getCollectionName();
        Map<String, Map<String, WorkFacts>> facts = new HashMap<>();
        List<String> unparsed = new ArrayList<>();
        wijken.find(Filters.in("_id", ids)).projection(Projections.include(ScopeEntries.REVISION)).forEach(doc -> {
            String id = doc.getString("_id");
            Parsed known = parsed.get(key(collection, id));
            String revision = ScopeEntries.revision(doc);
            if (known != null && revision != null && revision.equals(known.revision())) {
                facts.put(id, known.facts());
            } else {
                unparsed.add(id);
            }
        });
        if (!unparsed.isEmpty()) {
            if (parsed.size() > MAX_DOCUMENTS) {
                parsed.clear();
            }
            wijken.find(Filters.in("_id", unparsed)).forEach(doc -> {
                String id = doc.getString("_id");
                Map<String, WorkFacts> entries = parse(doc);
                String revision = ScopeEntries.revision(doc);
                if (revision != null) {
                    parsed.put(key(collection, id), new Parsed(revision, entries));
                }
                facts.put(id, entries);
            });
        }
        return facts;
    }

    private static Map<String, WorkFacts> parse(Document wijk) {
        Map<String, WorkFacts> entries = new LinkedHashMap<>();
        ScopeEntries.entries(wijk).forEach((trajectoryId, entry) ->
                entries.put(trajectoryId, WorkFacts.from((Document) entry)));
        return Collections.unmodifiableMap(entries);
    }

    private static String key(String collection, String id) {
        return collection + "/" + id;
    }
}
