package nl.koers.platform.runtime;

/**
 * Declared as a bean by a part of Koers that, while it says so, makes the periodic compaction of the embedded
 * stores wait ({@link EmbeddedStoreCompaction}): for example while views are rebuilt, since compacting then moves
 * pages the rebuild rewrites moments later and takes CPU from it. The compaction at shutdown does not wait.
 */
public interface CompactionHold {
    boolean holdsCompaction();
}
