package nl.koers.platform.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;
import java.util.Set;

/**
 * The file-backed backend of the in-process MongoDB server, made durable: the stock backend commits its MVStore
 * in the background about once a second, so a write that was acknowledged could be lost when the process is
 * killed. Here every write command is committed to the file before it is answered, unless its write concern says
 * {@code j: false}: such a write is committed with the next one that is (an MVStore commit stores every change made
 * before it). The read side's view writes ask for that: the processor's token, stored right after them with the
 * default write concern, commits them, and a crash before it means the batch is delivered again.
 * <p>
 * Its unique indexes (every {@code _id} lookup, insert and upsert goes through one) compare keys without Java
 * serialization: see {@link IndexKeyDataType}; and its documents are stored as BSON, not with Java serialization:
 * see {@link DocumentDataType}. A file written before either is converted once when it is opened.
 */
class DurableH2Backend extends H2Backend {
    /** Where H2Database keeps a collection's metadata map (its own constant is private). */
    private static final String META_PREFIX = "meta.";
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
            "createindexes", "dropindexes", "drop", "create", "renamecollection", "dropdatabase");

    DurableH2Backend(MVStore store) {
        super(migrated(store));
    }

    /** Before the superclass constructor opens the databases (and with them the index maps). */
    private static MVStore migrated(MVStore store) {
        IndexKeyOrder.migrate(store);
        DocumentEncoding.migrate(store);
        return store;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document answer = super.handleCommand(channel, databaseName, command, query);
        if (WRITES.contains(command.toLowerCase()) && !unjournaled(query)) {
            commit();
        }
        return answer;
    }

    /** The client accepts an answer before the write is on disk ({@code writeConcern: {j: false}}). */
    static boolean unjournaled(Document command) {
        return command.get("writeConcern") instanceof Document concern && Boolean.FALSE.equals(concern.get("j"));
    }

    /**
     * A database whose index maps are opened with the fast key order and whose document maps store BSON: each map
     * opened by name first, so that the superclass, opening the same name, gets the map that is already open. An
     * inner class on purpose: H2Backend's constructor opens the existing databases, and H2Database's constructor
     * their collections and indexes, before any field of
     * either subclass is set; the reference to the enclosing backend (whose store is set) is set before that.
     */
    private final class Database extends H2Database {
        Database(String name) {
            super(name, DurableH2Backend.this.getMvStore(), DurableH2Backend.this.getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            String mapName = IndexKeyOrder.indexMapName(getFullCollectionNamespace(collectionName), indexName);
            IndexKeyOrder.open(DurableH2Backend.this.getMvStore(), mapName);
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }

        /** As the superclass opens it (the same two maps), but a collection that does not track its data size. */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVStore store = DurableH2Backend.this.getMvStore();
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> documents = DocumentEncoding.open(store, DocumentEncoding.DATA_PREFIX + namespace);
            MVMap<String, Object> meta = store.openMap(META_PREFIX + namespace);
            return new UnsizedCollection(this, collectionName, options, documents, meta, getCursorRegistry());
        }
    }

    /**
     * A collection that keeps no running total of its documents' size. The stock one encodes every document it
     * stores, and for an update the old and the new version, only to add the difference to that total: a fifth of
     * the server's CPU and a tenth of all allocation in a durable command (JFR). Only {@code collStats} and
     * {@code validate} report it, and Koers asks for neither; they report 0.
     */
    private static final class UnsizedCollection extends H2Collection {
        UnsizedCollection(MongoDatabase database, String name, CollectionOptions options,
                          MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, name, options, documents, meta, cursors);
        }

        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        @Override
        protected int getDataSize() {
            return 0;
        }
    }
}
