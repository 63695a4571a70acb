package nl.koers.query.common;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * One document per trajectory ({@code _id} = trajectory id) that remembers the sequence number of the last event
 * it applied in {@code version}. Every write is conditional on the event being newer, so a redelivered event
 * (retry, token steal, crash between view write and token update) changes nothing.
 */
public final class VersionedDocuments {
    public static final String VERSION = "version";
    private final MongoCollection<Document> collection;

    public VersionedDocuments(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    public MongoCollection<Document> collection() {
        return collection;
    }

    /** Inserts the first version of a document; {@code false} when it is already there (redelivery). */
    public boolean insertFirst(Document document) {
        try {
            collection.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Applies {@code update} and records {@code sequence} unless the document has seen it already. */
    public boolean applyIfNew(String id, long sequence, Bson update) {
        return collection.updateOne(
                Filters.and(Filters.eq("_id", id), Filters.lt(VERSION, sequence)),
                Updates.combine(update, Updates.set(VERSION, sequence))).getMatchedCount() > 0;
    }

    /** Replaces the document with {@code document} (which carries its new version) unless it is not newer. */
    public void replaceIfNew(String id, long sequence, Document document) {
        try {
            collection.replaceOne(Filters.and(Filters.eq("_id", id), Filters.lt(VERSION, sequence)),
                    document.append(VERSION, sequence), new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            // a newer version is stored already: this event was applied before
        }
    }

    public Document find(String id) {
        return collection.find(Filters.eq("_id", id)).first();
    }

    /** Whether the document has applied the event with this sequence number (or a later one). */
    public static boolean applied(Document document, long sequence) {
        return document != null && document.get(VERSION, Number.class).longValue() >= sequence;
    }

    public static boolean isDuplicateKey(MongoWriteException e) {
        return e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
