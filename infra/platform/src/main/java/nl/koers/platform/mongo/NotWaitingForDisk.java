package nl.koers.platform.mongo;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;

/**
 * Writes acknowledged once applied, without waiting for the disk ({@code j: false}): on the in-process MongoDB they
 * reach the file with the next write that waits or with the file's commit within a second ({@link EmbeddedMongo}),
 * on a replica set with the journal, which is written in order. Safe only for writes that are made again after a
 * crash, or that a later write waiting for the disk takes there with it: a processor's own collections and its
 * token (a crash takes back both, and the events are delivered again to idempotent handlers), or the entries of a
 * claim whose last write waits.
 */
public final class NotWaitingForDisk {
    private static final WriteConcern WRITE_CONCERN = WriteConcern.W1.withJournal(false);

    private NotWaitingForDisk() {
    }

    /** The same collection, its writes not waiting for the disk. */
    public static <T> MongoCollection<T> of(MongoCollection<T> collection) {
        return collection.withWriteConcern(WRITE_CONCERN);
    }
}
