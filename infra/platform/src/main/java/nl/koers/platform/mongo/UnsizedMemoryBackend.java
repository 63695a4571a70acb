package nl.koers.platform.mongo;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;

/**
 * The in-memory backend (tests, the auditor's offline replay) with collections that keep no running total of their
 * data size, as the file-backed one ({@link DurableH2Backend}): the stock collection encodes the old and the new
 * version of every updated document to keep it. An offline replay of the caseload updates each scope document,
 * which holds an entry per trajectory of its area, once per batch; keeping that total was 43% of the server's CPU
 * in a replay of 200 000 events (JFR). {@code collStats} and {@code validate} report a data size of 0.
 */
final class UnsizedMemoryBackend extends MemoryBackend {
    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /** An inner class on purpose: MemoryDatabase's constructor opens collections before its own fields are set. */
    private final class Database extends MemoryDatabase {
        Database(String name) {
            super(name, UnsizedMemoryBackend.this.getCursorRegistry());
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new MemoryCollection(this, collectionName, options, UnsizedMemoryBackend.this.getCursorRegistry()) {
                @Override
                protected boolean tracksDataSize() {
                    return false;
                }
            };
        }
    }
}
