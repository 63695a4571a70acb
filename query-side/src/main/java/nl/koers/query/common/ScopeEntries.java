package nl.koers.query.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Documents per scope (a wijk, a focus area and cohort) read by {@code _id}, holding one small entry per
 * trajectory under {@code trajectories.<trajectoryId>}: what the trajectory counts as there. An entry is set to a
 * value derived from the trajectory's state, never incremented, so writing it again is harmless: counts stay exact
 * under redelivery and when two trajectories change the same scope at once. Reads count the entries. Writes go out
 * with the processor batch ({@link ViewBatch}), before the states.
 */
public final class ScopeEntries extends ViewCollection {
    public static final String TRAJECTORIES = "trajectories";
    /** Which batch changed the document last ({@link ViewBatch#revision()}); see {@link #revision(Document)}. */
    public static final String REVISION = "revision";
    /** Flushed before the trajectory states the entries were derived from. */
    static final int RANK = 0;

    public ScopeEntries(ViewGenerations.GenerationalCollection scopes) {
        super(scopes, RANK);
    }

    /**
     * Moves a trajectory's entry from where it was to where it is now: removed from a scope it left, written where
     * it changed, and each scope document it changed marked with the batch's revision. {@code null} scope or entry:
     * the trajectory counts nowhere (yet).
     */
    public void update(String trajectoryId, String scopeBefore, Document before, String scopeAfter, Document after) {
        String field = TRAJECTORIES + "." + trajectoryId;
        ViewBatch batch = ViewBatch.current();
        String revision = batch.revision();
        if (scopeBefore != null && !scopeBefore.equals(scopeAfter)) {
            batch.setField(collection(), rank(), scopeBefore, field, null);
            batch.setField(collection(), rank(), scopeBefore, REVISION, revision);
        }
        if (scopeAfter != null && after != null
                && !(scopeAfter.equals(scopeBefore) && Objects.equals(before, after))) {
            batch.setField(collection(), rank(), scopeAfter, field, after);
            batch.setField(collection(), rank(), scopeAfter, REVISION, revision);
        }
    }

    /**
     * The revision of the last batch that changed this scope document; {@code null} for a document written before
     * scope documents carried one (a reader must then read it whole every time).
     */
    public static String revision(Document scope) {
        return scope == null ? null : scope.getString(REVISION);
    }

    /** The entries of a scope document (empty when there is none). */
    public static Document entries(Document scope) {
        Document entries = scope == null ? null : scope.get(TRAJECTORIES, Document.class);
        return entries == null ? new Document() : entries;
    }

    /**
     * Adds the entries of the scope documents in {@code from} to those in {@code into}, each document's with one
     * write. An entry is derived from its trajectory alone, so the scope documents built from disjoint sets of
     * trajectories add up to the ones built from all of them: the offline replay builds a view slice by slice of
     * trajectories and keeps only what the slices add up to. Each changed document in {@code into} takes the
     * revision it had in {@code from}.
     */
    public static void merge(MongoCollection<Document> from, MongoCollection<Document> into) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Document scope : from.find()) {
            Document set = new Document();
            entries(scope).forEach((trajectoryId, entry) -> set.append(TRAJECTORIES + "." + trajectoryId, entry));
            if (set.isEmpty()) {
                continue;
            }
            String revision = revision(scope);
            if (revision != null) {
                set.append(REVISION, revision);
            }
            writes.add(new UpdateOneModel<>(Filters.eq("_id", scope.get("_id")), new Document("$set", set),
                    new UpdateOptions().upsert(true)));
        }
        if (!writes.isEmpty()) {
            into.bulkWrite(writes);
        }
    }
}
