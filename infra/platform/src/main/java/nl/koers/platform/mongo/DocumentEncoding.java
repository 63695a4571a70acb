package nl.koers.platform.mongo;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * How the documents of an in-process MongoDB file are stored. mongo-java-server's H2 backend keeps each collection
 * in a map named {@code databases.<database>.<collection>} and opens it with H2's default value type (Java
 * serialization); Koers opens it with {@link DocumentDataType} (BSON). The two forms cannot be told apart when a
 * page is read, so a file written before is converted once, map by map, before the backend opens anything, and
 * the format map records that the file stores BSON.
 */
final class DocumentEncoding {
    private static final Logger log = LoggerFactory.getLogger(DocumentEncoding.class);
    static final String BSON_DOCUMENTS = "documentsAsBson";
    /** The prefix mongo-java-server gives a collection's document map. */
    static final String DATA_PREFIX = "databases.";
    private static final String CONVERTING = "koers-document-conversion";

    private DocumentEncoding() {
    }

    /**
     * Converts the document maps of a file written with Java serialization, once; marks a new file at once. Each map
     * is replaced and marked as converted in one commit, and the file's mark is written last: a conversion
     * interrupted half-way goes on at the next start with the maps not marked yet ({@link #storedAsBson}), and the
     * per-map marks are removed with the file's.
     *
     * @return the number of document maps converted (0 when the file stores BSON already)
     */
    static int migrate(MVStore store) {
        MVMap<String, Object> format = store.openMap(IndexKeyOrder.FORMAT_MAP);
        if (format.containsKey(BSON_DOCUMENTS)) {
            return 0;
        }
        if (store.hasMap(CONVERTING)) {
            store.removeMap(CONVERTING);
        }
        int converted = 0;
        for (String name : List.copyOf(store.getMapNames())) {
            if (name.startsWith(DATA_PREFIX) && !storedAsBson(format, name)) {
                convert(store, name);
                format.put(converted(name), 1);
                store.commit();
                converted++;
            }
        }
        format.put(BSON_DOCUMENTS, 1);
        for (String key : List.copyOf(format.keySet())) {
            if (key.startsWith(converted(""))) {
                format.remove(key);
            }
        }
        store.commit();
        if (converted > 0) {
            log.info("In-process MongoDB: {} collections converted from Java serialization to BSON", converted);
        }
        return converted;
    }

    /** Opens (or creates) a collection's document map as BSON, before mongo-java-server opens it by name. */
    static MVMap<Object, Document> open(MVStore store, String mapName) {
        MVMap<Object, Document> map = store.openMap(mapName, bsonMap());
        if (!(map.getValueType() instanceof DocumentDataType)) {
            throw new IllegalStateException("document map " + mapName + " is already open with another value type");
        }
        return map;
    }

    private static boolean storedAsBson(MVMap<String, Object> format, String name) {
        return format.containsKey(converted(name));
    }

    private static String converted(String name) {
        return "converted:" + name;
    }

    private static void convert(MVStore store, String name) {
        StoredMaps.rewrite(store, name, CONVERTING, bsonMap(), "document map");
    }

    private static MVMap.Builder<Object, Document> bsonMap() {
        return new MVMap.Builder<Object, Document>().valueType(new DocumentDataType());
    }
}
