package nl.koers.command.trajectory;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecentTrajectoriesTest {

    @Test
    void keepsTheMostRecentlyUsedTrajectoriesUpToItsCapacity() {
        RecentTrajectories cache = new RecentTrajectories(2);
        cache.put("a", "trajectory a");
        cache.put("b", "trajectory b");
        assertThat((String) cache.get("a")).isEqualTo("trajectory a"); // a is now the most recent
        cache.put("c", "trajectory c");

        assertThat(cache.containsKey("b")).as("least recently used goes first").isFalse();
        assertThat((String) cache.get("a")).isEqualTo("trajectory a");
        assertThat((String) cache.get("c")).isEqualTo("trajectory c");
    }

    @Test
    void holdsItsEntriesAcrossGarbageCollections() {
        RecentTrajectories cache = new RecentTrajectories(10);
        cache.put("a", new StringBuilder("only held by the cache"));
        System.gc();
        assertThat(cache.containsKey("a")).isTrue();
    }

    @Test
    void removesAndTellsItsListeners() {
        RecentTrajectories cache = new RecentTrajectories(1);
        List<String> heard = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                heard.add("created " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                heard.add("removed " + key);
            }

            @Override
            public void onEntryExpired(Object key) {
                heard.add("expired " + key);
            }
        });
        cache.put("a", 1);
        cache.put("b", 2);
        assertThat(cache.remove("b")).isTrue();
        assertThat(cache.remove("b")).isFalse();
        assertThat(cache.putIfAbsent("c", 3)).isTrue();
        assertThat(cache.putIfAbsent("c", 4)).isFalse();
        assertThat((Integer) cache.get("c")).isEqualTo(3);

        assertThat(heard).containsExactly("created a", "expired a", "created b", "removed b", "created c");
    }

    @Test
    void refusesAnEmptyCapacity() {
        assertThatThrownBy(() -> new RecentTrajectories(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("koers.aggregate-cache-size");
    }
}
