package nl.koers.query.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;

/**
 * A collection of a view whose writes go out with the processor batch ({@link ViewBatch}); {@code rank} orders the
 * collections of one batch when it is flushed. It writes the generation its processor writes
 * ({@link ViewGenerations}): during a rebuild the fresh one, which readers do not see yet.
 */
public abstract class ViewCollection {
    private final ViewGenerations.GenerationalCollection collection;
    private final int rank;

    ViewCollection(ViewGenerations.GenerationalCollection collection, int rank) {
        this.collection = collection;
        this.rank = rank;
    }

    ViewGenerations.GenerationalCollection generation() {
        return collection;
    }

    /** The generation the processor writes now. */
    public MongoCollection<Document> collection() {
        return collection.forWriting();
    }

    /** Whether the processor is building a generation readers do not see yet (a rebuild in progress). */
    public boolean building() {
        return collection.building();
    }

    int rank() {
        return rank;
    }

    /**
     * Empties the generation being written: a rebuild starts from nothing ({@code @ResetHandler}). During a rebuild
     * that is the fresh generation; the one readers see is left alone.
     */
    public void clear() {
        collection().deleteMany(Filters.empty());
    }
}
