package nl.koers.query.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one trajectory adds to shared counter documents: per counter document ({@code _id}), per field path, a
 * number. A projection describes a trajectory's state as contributions; the difference between the
 * contributions before and after an event is what the counters must be incremented by.
 */
public final class Contributions {
    private final Map<String, Map<String, Long>> byCounter = new LinkedHashMap<>();

    public static Contributions none() {
        return new Contributions();
    }

    public Contributions add(String counterId, String path, long amount) {
        if (counterId != null && amount != 0) {
            byCounter.computeIfAbsent(counterId, id -> new LinkedHashMap<>()).merge(path, amount, Long::sum);
        }
        return this;
    }

    public Map<String, Map<String, Long>> asMap() {
        return byCounter;
    }

    /** {@code after - before}, per counter and path, leaving out what does not change. */
    public static Map<String, Map<String, Long>> delta(Contributions before, Contributions after) {
        Set<String> counters = new TreeSet<>(before.byCounter.keySet());
        counters.addAll(after.byCounter.keySet());
        Map<String, Map<String, Long>> delta = new LinkedHashMap<>();
        for (String counter : counters) {
            Map<String, Long> old = before.byCounter.getOrDefault(counter, Map.of());
            Map<String, Long> now = after.byCounter.getOrDefault(counter, Map.of());
            Set<String> paths = new TreeSet<>(old.keySet());
            paths.addAll(now.keySet());
            Map<String, Long> changes = new LinkedHashMap<>();
            for (String path : paths) {
                long change = now.getOrDefault(path, 0L) - old.getOrDefault(path, 0L);
                if (change != 0) {
                    changes.put(path, change);
                }
            }
            if (!changes.isEmpty()) {
                delta.put(counter, changes);
            }
        }
        return delta;
    }
}
