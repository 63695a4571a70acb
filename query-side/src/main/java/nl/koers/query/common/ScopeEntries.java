package nl.koers.query.common;

import org.bson.Document;

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
    /** Flushed before the trajectory states the entries were derived from. */
    static final int RANK = 0;

    public ScopeEntries(ViewGenerations.GenerationalCollection scopes) {
        super(scopes, RANK);
    }

    /**
     * Moves a trajectory's entry from where it was to where it is now: removed from a scope it left, written where
     * it changed. {@code null} scope or entry: the trajectory counts nowhere (yet).
     */
    public void update(String trajectoryId, String scopeBefore, Document before, String scopeAfter, Document after) {
        String field = TRAJECTORIES + "." + trajectoryId;
        ViewBatch batch = ViewBatch.current();
        if (scopeBefore != null && !scopeBefore.equals(scopeAfter)) {
            batch.setField(collection(), rank(), scopeBefore, field, null);
        }
        if (scopeAfter != null && after != null
                && !(scopeAfter.equals(scopeBefore) && Objects.equals(before, after))) {
            batch.setField(collection(), rank(), scopeAfter, field, after);
        }
    }

    /** The entries of a scope document (empty when there is none). */
    public static Document entries(Document scope) {
        Document entries = scope == null ? null : scope.get(TRAJECTORIES, Document.class);
        return entries == null ? new Document() : entries;
    }
}
