package nl.koers.platform.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Which order the unique-index maps of an in-process MongoDB file are sorted in. mongo-java-server's H2 backend
 * names them {@code <database>.<collection>._index_<index>} and opens them with H2's default key type; Koers opens
 * them with {@link IndexKeyDataType}. A B-tree sorted in the default order would be searched wrongly in the new
 * one (keys not found, duplicates let in), so a file written before is rebuilt once, map by map, before the
 * backend opens anything, and a small map records that the file uses the new order.
 */
final class IndexKeyOrder {
    private static final Logger log = LoggerFactory.getLogger(IndexKeyOrder.class);
    /** No dot in these names: mongo-java-server removes maps starting with {@code <database>.} with a database. */
    static final String FORMAT_MAP = "koers-format";
    static final String KEY_ORDER = "indexKeyOrder";
    private static final String REBUILDING = "koers-index-rebuild";
    private static final String INDEX_INFIX = "._index_";

    private IndexKeyOrder() {
    }

    /**
     * Rebuilds the unique-index maps of a file written in the default order, once; marks a new file at once.
     * Each map is replaced and committed on its own: a rebuild interrupted half-way is done again in full at the
     * next start, which is harmless, since a map is read in storage order, whatever order it was sorted in.
     *
     * @return the number of index maps rebuilt (0 when the file already uses the new order)
     */
    static int migrate(MVStore store) {
        MVMap<String, Object> format = store.openMap(FORMAT_MAP);
        if (format.containsKey(KEY_ORDER)) {
            return 0;
        }
        if (store.hasMap(REBUILDING)) {
            store.removeMap(REBUILDING);
        }
        int rebuilt = 0;
        for (String name : List.copyOf(store.getMapNames())) {
            if (isIndexMap(name)) {
                rebuild(store, name);
                store.commit();
                rebuilt++;
            }
        }
        format.put(KEY_ORDER, 1);
        store.commit();
        log.info("In-process MongoDB: {} unique-index maps rebuilt in the fast key order", rebuilt);
        return rebuilt;
    }

    /** The name mongo-java-server's {@code H2Database} gives the map of an index. */
    static String indexMapName(String fullCollectionName, String indexName) {
        return fullCollectionName + INDEX_INFIX + indexName;
    }

    /** Opens (or creates) an index map with the new key order, before mongo-java-server opens it by name. */
    static void open(MVStore store, String mapName) {
        MVMap<KeyValue, Object> map = store.openMap(mapName, newIndexMap());
        Object keyType = map.getKeyType();
        if (!(keyType instanceof IndexKeyDataType)) {
            throw new IllegalStateException("index map " + mapName + " is already open with another key order");
        }
    }

    private static boolean isIndexMap(String name) {
        return name.contains(INDEX_INFIX) && !name.startsWith("databases.") && !name.startsWith("meta.");
    }

    /** Both orders call keys equal exactly when their serialized forms are equal: no key can be found twice. */
    private static void rebuild(MVStore store, String name) {
        StoredMaps.rewrite(store, name, REBUILDING, newIndexMap(), "index map");
    }

    private static MVMap.Builder<KeyValue, Object> newIndexMap() {
        return new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyDataType());
    }
}
