package nl.koers.platform.files;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an MVStore file (the H2 event store, the in-process MongoDB) near the size of its content. Both commit on
 * every durable write, and each commit writes a new chunk of at least one 4 KB block holding every page it changed,
 * root to leaf. A chunk is free space again only once none of its pages is live any more (and MVStore's retention
 * time has passed); a chunk that still holds one live page, say a leaf that filled up and was not written since,
 * stays whole. Under a few hundred access-log appends a second most chunks ended up like that, a fifth live, and
 * the file grew by hundreds of megabytes per hour of reading.
 * <p>
 * While Koers runs, a slice every few seconds rewrites the live pages of the emptiest chunks into new ones, up to
 * 2 MB, whenever less than half of the chunks' pages are live: the old chunks then free up and new chunks reuse
 * their space. A slice holds the store (and the writes waiting for it) for at most a few hundred milliseconds.
 * MVStore's own {@code compactFile}, which also moves chunks to the front and cuts the file, held the store for
 * its whole time limit (five seconds, once a minute while users waited), so it runs only at shutdown.
 */
public final class MvStoreCompaction {
    private static final Logger log = LoggerFactory.getLogger(MvStoreCompaction.class);
    static final long MIN_BYTES = 16L * 1024 * 1024;
    /** A slice runs while less than this share of the chunks' pages is live. */
    static final int SPARSE_PERCENT = 50;
    /**
     * What a slice may rewrite. Rewriting 16 MB of pages held the store for about a second on the development
     * machine; 2 MB holds it for about a tenth.
     */
    private static final int SLICE_BYTES = 2 * 1024 * 1024;
    private static final int SHUTDOWN_MILLIS = 5_000;

    private final String name;
    private final MVStore store;

    public MvStoreCompaction(String name, MVStore store) {
        this.name = name;
        this.store = store;
    }

    /**
     * One slice when the file is over 16 MB and less than half of its chunks' pages are live; nothing otherwise.
     *
     * @return whether a slice ran
     */
    public synchronized boolean compactIfSparse() {
        if (!open() || size() < MIN_BYTES || store.getFileStore().getChunksFillRate() >= SPARSE_PERCENT) {
            return false;
        }
        long before = size();
        long started = System.nanoTime();
        store.compact(SPARSE_PERCENT, SLICE_BYTES);
        log.debug("Compacted {} for {} ms: {} MB -> {} MB, {}% in use, chunks {}% live", name,
                (System.nanoTime() - started) / 1_000_000, before >> 20, size() >> 20, store.getFillRate(),
                store.getFileStore().getChunksFillRate());
        return true;
    }

    /**
     * Compacts for up to five seconds with MVStore's {@code compactFile} (at shutdown, when nobody waits for the
     * store, so that backups of a stopped store are small too).
     */
    public synchronized void compactNow() {
        if (!open()) {
            return;
        }
        long before = size();
        long started = System.nanoTime();
        int retention = store.getRetentionTime();
        try {
            store.compactFile(SHUTDOWN_MILLIS);
        } finally {
            // compactFile drops the retention time to 0; old chunks must stay until the disk has them for sure
            store.setRetentionTime(retention);
        }
        log.info("Compacted {}: {} MB -> {} MB in {} ms", name, before >> 20, size() >> 20,
                (System.nanoTime() - started) / 1_000_000);
    }

    private boolean open() {
        return !store.isClosed() && store.getFileStore() != null;
    }

    private long size() {
        return store.getFileStore().size();
    }
}
