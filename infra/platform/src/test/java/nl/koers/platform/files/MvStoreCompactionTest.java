package nl.koers.platform.files;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded stores' files are compacted in short slices while Koers runs: when most pages in the file's chunks
 * are dead, slices rewrite the live ones until most are live again, and nothing is lost; a file whose chunks are
 * mostly live is left alone.
 */
class MvStoreCompactionTest {
    private static final String VALUE = "x".repeat(1_000);
    private static final int ENTRIES = 40_000;

    @TempDir
    Path folder;

    @Test
    void chunksThatAreMostlyDeadPagesAreRewrittenInSlicesAndNothingIsLost() {
        try (MVStore store = store("sparse.mv")) {
            MVMap<Integer, String> map = store.openMap("entries");
            write(store, map);
            // every chunk of a thousand entries keeps its first hundred, live in pages no later commit rewrites
            for (int i = 0; i < ENTRIES; i++) {
                if (i % 1_000 >= 100) {
                    map.remove(i);
                }
            }
            store.commit();
            MVMap<Integer, String> ticks = store.openMap("ticks");
            tick(store, ticks);
            MvStoreCompaction compaction = new MvStoreCompaction("test file", store);
            assertThat(store.getFileStore().getChunksFillRate()).isLessThan(MvStoreCompaction.SPARSE_PERCENT);

            int slices = 0;
            while (compaction.compactIfSparse()) {
                tick(store, ticks); // the commits of a running store, after which MVStore frees emptied chunks
                slices++;
                assertThat(slices).as("slices until most pages are live").isLessThan(100);
            }

            assertThat(store.getFileStore().getChunksFillRate()).isGreaterThanOrEqualTo(
                    MvStoreCompaction.SPARSE_PERCENT);
            assertThat(map.sizeAsLong()).isEqualTo(ENTRIES / 10);
            assertThat(map.get(39_099)).isEqualTo(VALUE + 39_099);
            assertThat(map.get(39_100)).isNull();
        }
    }

    @Test
    void aFileWhoseChunksAreMostlyLiveIsLeftAlone() {
        try (MVStore store = store("dense.mv")) {
            MVMap<Integer, String> map = store.openMap("entries");
            write(store, map);
            long before = store.getFileStore().size();

            assertThat(store.getFileStore().getChunksFillRate()).isGreaterThanOrEqualTo(
                    MvStoreCompaction.SPARSE_PERCENT);
            assertThat(new MvStoreCompaction("test file", store).compactIfSparse()).isFalse();
            assertThat(store.getFileStore().size()).isEqualTo(before);
        }
    }

    private MVStore store(String name) {
        MVStore store = new MVStore.Builder().fileName(folder.resolve(name).toString()).autoCommitDisabled().open();
        store.setRetentionTime(0); // old chunks are free at once: the test need not wait 45 s
        return store;
    }

    /** About a kilobyte per entry (39 MB in all), committed in chunks of a thousand. */
    private static void write(MVStore store, MVMap<Integer, String> map) {
        for (int i = 0; i < ENTRIES; i++) {
            map.put(i, VALUE + i);
            if (i % 1_000 == 999) {
                store.commit();
            }
        }
        store.commit();
    }

    private static void tick(MVStore store, MVMap<Integer, String> ticks) {
        for (int i = 0; i < 5; i++) {
            ticks.merge(0, "tick", String::concat);
            store.commit();
        }
    }
}
