package nl.koers.app.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A closed-loop load: each client sends its next request as soon as the previous one answered, for a warm-up
 * (not counted, so the JIT and the caches settle) and then a measured period. Latencies are kept per label.
 */
final class ClosedLoop {
    /**
     * How long an HTTP client waits for an answer before counting the request as failed: a lost answer must show as
     * a failure in the figures, not hang the benchmark (it once waited a quarter of an hour for 32 of them).
     */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** One request; answers the label to count its latency under, or null when it failed. */
    interface Attempt {
        String run() throws Exception;
    }

    /**
     * Latencies in nanoseconds per label, sorted, how many requests failed (warm-up included), and the CPU time
     * this whole process (server and clients) used while measuring: a figure that other load on the machine
     * does not change much, unlike requests per second.
     */
    record Result(Map<String, List<Long>> sorted, long failures, int seconds, long cpuNanos) {

        /** Process CPU milliseconds per request counted under {@code label}. */
        double cpuMillisPer(String label) {
            return cpuNanos / 1e6 / Math.max(1, count(label));
        }

        long count(String label) {
            return sorted.getOrDefault(label, List.of()).size();
        }

        double perSecond(String label) {
            return (double) count(label) / seconds;
        }

        /** The p-quantile (0..1) in milliseconds, nearest rank. */
        double millis(String label, double p) {
            List<Long> values = sorted.get(label);
            int rank = Math.min(values.size() - 1, Math.max(0, (int) Math.ceil(p * values.size()) - 1));
            return values.get(rank) / 1e6;
        }
    }

    private ClosedLoop() {
    }

    static Result run(int clients, int warmupSeconds, int seconds, IntFunction<Attempt> client) {
        Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
        AtomicLong failures = new AtomicLong();
        long measureFrom = System.nanoTime() + Duration.ofSeconds(warmupSeconds).toNanos();
        long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            Attempt attempt = client.apply(c);
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long t = System.nanoTime();
                        String label;
                        try {
                            label = attempt.run();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        } catch (Exception e) {
                            label = null;
                        }
                        long took = System.nanoTime() - t;
                        if (label == null) {
                            failures.incrementAndGet();
                        } else if (t >= measureFrom) {
                            latencies.computeIfAbsent(label, l -> Collections.synchronizedList(new ArrayList<>()))
                                    .add(took);
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "bench-client-" + c);
            thread.setDaemon(true);
            thread.start();
        }
        long cpuFrom;
        try {
            Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
            cpuFrom = processCpuNanos();
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring", e);
        }
        long cpuNanos = processCpuNanos() - cpuFrom;
        Map<String, List<Long>> sorted = new TreeMap<>();
        latencies.forEach((label, values) -> {
            List<Long> copy = new ArrayList<>(values);
            Collections.sort(copy);
            sorted.put(label, copy);
        });
        return new Result(sorted, failures.get(), seconds, cpuNanos);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
