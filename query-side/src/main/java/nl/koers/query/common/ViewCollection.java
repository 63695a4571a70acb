package nl.koers.query.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;

/**
 * A collection of a view whose writes go out with the processor batch ({@link ViewBatch}); {@code rank} orders the
 * collections of one batch when it is flushed.
 */
public abstract class ViewCollection {
    private final MongoCollection<Document> collection;
    private final int rank;

    ViewCollection(MongoCollection<Document> collection, int rank) {
        this.collection = collection;
        this.rank = rank;
    }

    public MongoCollection<Document> collection() {
        return collection;
    }

    int rank() {
        return rank;
    }

    /** Empties the collection: a rebuild starts from nothing ({@code @ResetHandler}). */
    public void clear() {
        collection.deleteMany(Filters.empty());
    }
}
