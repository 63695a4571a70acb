package nl.koers.platform.files;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an MVStore file (the H2 event store, the in-process MongoDB) near the size of its content. Both commit on
 * every write for durability, which turns off MVStore's background writer and with it the automatic compaction:
 * each commit writes a small new chunk, and the file grew to twenty times its content (89 MB for 4 MB of
 * events). Compaction rewrites the sparse chunks and moves them to the front; it holds the store's lock while it
 * runs, so it runs only when the file has doubled since the last time, and for a bounded time.
 */
public final class MvStoreCompaction {
    private static final Logger log = LoggerFactory.getLogger(MvStoreCompaction.class);
    static final long MIN_BYTES = 16L * 1024 * 1024;
    private static final int MAX_MILLIS = 5_000;

    private final String name;
    private final MVStore store;
    private long sizeAfterLast;

    public MvStoreCompaction(String name, MVStore store) {
        this.name = name;
        this.store = store;
    }

    /** Compacts when the file is over 16 MB and at least twice its size after the last compaction. */
    public synchronized void compactIfGrown() {
        long size = size();
        if (size >= MIN_BYTES && size >= 2 * sizeAfterLast) {
            compactNow();
        }
    }

    /** Compacts now (at shutdown, so backups of a stopped store are small too). */
    public synchronized void compactNow() {
        if (store.isClosed() || store.getFileStore() == null) {
            return;
        }
        long before = size();
        long started = System.nanoTime();
        int retention = store.getRetentionTime();
        try {
            store.compactFile(MAX_MILLIS);
        } finally {
            // compactFile drops the retention time to 0; old chunks must stay until the disk has them for sure
            store.setRetentionTime(retention);
        }
        sizeAfterLast = size();
        log.info("Compacted {}: {} MB -> {} MB in {} ms", name, before >> 20, sizeAfterLast >> 20,
                (System.nanoTime() - started) / 1_000_000);
    }

    private long size() {
        return store.getFileStore().size();
    }
}
