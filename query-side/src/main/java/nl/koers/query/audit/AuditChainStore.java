package nl.koers.query.audit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The hash chain in MongoDB: one document per event ({@code _id} = global position, with event id, previous hash
 * and hash) and one head document (last chained position and its hash). Links are only ever inserted, never
 * updated; the head is written after its links, so after a crash the head may lag and the next insert meets links
 * that already exist, which are then checked instead of written.
 */
@Component
public class AuditChainStore {
    static final String LINKS = "audit_chain";
    static final String HEADS = "audit_chain_head";
    private static final String HEAD_ID = "head";

    private final MongoCollection<Document> links;
    private final MongoCollection<Document> heads;

    public AuditChainStore(@Qualifier("koers") MongoDatabase database) {
        this.links = database.getCollection(LINKS);
        this.heads = database.getCollection(HEADS);
    }

    /** The last chained link. */
    public record Head(long position, String hash) {
        public static final Head EMPTY = new Head(-1, AuditRecord.GENESIS);
    }

    /** Stored link of one position. */
    public record Link(long position, String eventId, String previousHash, String hash) {
    }

    /** Raised when the stored chain disagrees with the chain computed now: something changed history. */
    public static class ChainConflict extends RuntimeException {
        ChainConflict(long position) {
            super("the stored audit chain differs from the event log at position " + position);
        }
    }

    public Head head() {
        Document doc = heads.find(Filters.eq("_id", HEAD_ID)).first();
        return doc == null ? Head.EMPTY : new Head(doc.getLong("position"), doc.getString("hash"));
    }

    /** Stores links (in order, each linked to the one before) and then moves the head to the last. */
    public void append(List<AuditRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        List<Document> docs = new ArrayList<>(records.size());
        for (AuditRecord r : records) {
            docs.add(new Document("_id", r.position()).append("eventId", r.eventId())
                    .append("previousHash", r.previousHash()).append("hash", r.hash()));
        }
        try {
            links.insertMany(docs, new InsertManyOptions().ordered(true));
        } catch (MongoBulkWriteException e) {
            // Some links exist already (head lagged behind a crash): check those, insert the rest.
            for (Document doc : docs) {
                insertOrConfirm(doc);
            }
        }
        AuditRecord last = records.get(records.size() - 1);
        heads.replaceOne(Filters.eq("_id", HEAD_ID),
                new Document("_id", HEAD_ID).append("position", last.position()).append("hash", last.hash()),
                new ReplaceOptions().upsert(true));
    }

    private void insertOrConfirm(Document doc) {
        try {
            links.insertOne(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document existing = links.find(Filters.eq("_id", doc.get("_id"))).first();
            if (existing == null || !Objects.equals(existing.getString("hash"), doc.getString("hash"))) {
                throw new ChainConflict(doc.getLong("_id"));
            }
        }
    }

    /** The stored links of these positions (absent ones are left out). */
    public Map<Long, Link> links(List<Long> positions) {
        Map<Long, Link> found = new HashMap<>(positions.size() * 2);
        if (positions.isEmpty()) {
            return found;
        }
        for (Document doc : links.find(Filters.in("_id", positions))) {
            long position = ((Number) doc.get("_id")).longValue();
            found.put(position, new Link(position, doc.getString("eventId"), doc.getString("previousHash"),
                    doc.getString("hash")));
        }
        return found;
    }
}
