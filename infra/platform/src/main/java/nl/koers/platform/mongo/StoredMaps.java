package nl.koers.platform.mongo;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.Map;

/** Rewriting an MVStore map of the in-process MongoDB in another stored form (key order, value type). */
final class StoredMaps {
    private StoredMaps() {
    }

    /**
     * Copies every entry of map {@code name}, read in the form it was written in, into a fresh map {@code scratch}
     * opened with {@code form}, then puts the copy in the original's place. The caller commits. What the map holds
     * ({@code what}) names it in the error when an entry is lost or found twice, which would mean the two forms do
     * not agree on which keys are equal.
     */
    @SuppressWarnings("unchecked")
    static <K, V> void rewrite(MVStore store, String name, String scratch, MVMap.Builder<K, V> form, String what) {
        MVMap<Object, Object> old = store.openMap(name);
        MVMap<K, V> rewritten = store.openMap(scratch, form);
        for (Map.Entry<Object, Object> entry : old.entrySet()) {
            if (rewritten.put((K) entry.getKey(), (V) entry.getValue()) != null) {
                throw new IllegalStateException(what + " " + name + " holds a key twice in its new form");
            }
        }
        if (rewritten.sizeAsLong() != old.sizeAsLong()) {
            throw new IllegalStateException(what + " " + name + " lost entries when rewritten");
        }
        store.removeMap(old);
        store.renameMap(rewritten, name);
    }
}
