package nl.koers.app.bench;

import nl.koers.events.reference.FocusArea;
import nl.koers.events.reference.ReferenceData;
import nl.koers.platform.crypto.PersonalDataCipher;
import nl.koers.platform.security.KoersUser;
import nl.koers.platform.security.Role;
import nl.koers.query.caseload.CaseloadReader;
import nl.koers.query.caseload.CaseloadScope;
import nl.koers.query.history.HistoryReader;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * {@code ./koers bench queries [--events 20000] [--clients 16] [--seconds 30] [--warmup 5] [--dir DIR]}: loads
 * synthetic trajectories into a fresh embedded Koers (a {@code --dir} that already holds events is measured as it
 * is, nothing appended), waits until every reader of the log has reached its head (views, search index, the write
 * side's processors, the audit chain: reads measured while they catch up would measure the catching up), then lets
 * {@code --clients} concurrent clients alternate caseload reads (a random focus area, municipality or wijk) and
 * history reads (a random trajectory) and reports p50/p99 latency per query. Twice: over HTTP as a client sees it
 * (HTTP Basic, through the cache of verified credentials), and calling the same readers in-process (the query
 * alone).
 */
public final class QueryBenchmark {
    private static final String PASSWORD = "koers-demo";
    private static final String PURPOSE = "benchmark: read latency";

    private QueryBenchmark() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String[] args) {
        long events = 20_000;
        int clients = 16;
        int seconds = 30;
        int warmup = 5;
        Path dir = null;
        if (args.length % 2 != 0) {
            System.err.println("koers bench queries: every option needs a value");
            return ReplayBenchmark.USAGE;
        }
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--events" -> events = Long.parseLong(value.replace("_", ""));
                case "--clients" -> clients = Integer.parseInt(value);
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--dir" -> dir = Path.of(value);
                default -> {
                    System.err.println("koers bench queries: unknown option " + args[i]);
                    return ReplayBenchmark.USAGE;
                }
            }
        }
        try {
            Path data = dir != null ? dir : BenchFolder.temporary("koers-bench-queries");
            try (EmbeddedKoers koers = EmbeddedKoers.start(data, List.of())) {
                EventStore store = koers.bean(EventStore.class);
                long stored;
                List<String> trajectories;
                if (koers.head() >= 0) {
                    // a folder used before: measured as it is, so that repeated runs measure the same data
                    StoredTrajectories.Found found = StoredTrajectories.in(store);
                    trajectories = found.trajectories();
                    stored = found.events();
                    System.out.printf("query benchmark: %s holds %d events already; --events ignored, nothing"
                            + " appended%n", data, stored);
                } else {
                    BenchData generated = new BenchData(koers.bean(PersonalDataCipher.class), 7);
                    stored = generated.append(store, events);
                    trajectories = generated.trajectoryIds();
                }
                if (trajectories.isEmpty()) {
                    System.err.println("koers bench queries: " + data + " holds no trajectory to read");
                    return ReplayBenchmark.USAGE;
                }
                koers.awaitQuiet(Duration.ofHours(2));
                System.out.printf("query benchmark: %d events, %d trajectories; %d clients, %d s after %d s warm-up;"
                                + " heap max %d MB, %d cores%n", stored, trajectories.size(), clients,
                        seconds, warmup, Runtime.getRuntime().maxMemory() >> 20,
                        Runtime.getRuntime().availableProcessors());
                Workload workload = new Workload(trajectories);
                report("HTTP", measure(clients, warmup, seconds, workload, new Http(koers.port())));
                report("in-process", measure(clients, warmup, seconds, workload, new InProcess(koers)));
            }
            return ReplayBenchmark.OK;
        } catch (IOException | RuntimeException e) {
            System.err.println("koers bench queries: " + e);
            return ReplayBenchmark.USAGE;
        }
    }

    /** What the clients ask: caseloads of every kind of scope, histories of any trajectory. */
    static final class Workload {
        final List<String[]> scopes = new ArrayList<>();
        final List<String> trajectories;

        Workload(List<String> trajectories) {
            this.trajectories = trajectories;
            for (FocusArea area : ReferenceData.get().focusAreas()) {
                scopes.add(new String[]{null, area.code().value(), null});
                scopes.add(new String[]{null, null, area.gemeenteCode()});
                area.wijken().forEach(wijk -> scopes.add(new String[]{wijk.value(), null, null}));
            }
        }
    }

    interface Client {
        /** Reads a caseload; true when it answered 200. */
        boolean caseload(String[] scope);

        boolean history(String trajectoryId);
    }

    private static ClosedLoop.Result measure(int clients, int warmup, int seconds, Workload workload, Client client) {
        ClosedLoop.Result result = ClosedLoop.run(clients, warmup, seconds, c -> {
            Random random = new Random(c);
            boolean[] caseload = {random.nextBoolean()};
            return () -> {
                boolean reading = caseload[0];
                caseload[0] = !reading;
                boolean ok = reading
                        ? client.caseload(workload.scopes.get(random.nextInt(workload.scopes.size())))
                        : client.history(workload.trajectories.get(random.nextInt(workload.trajectories.size())));
                return ok ? (reading ? "caseload" : "history") : null;
            };
        });
        if (result.failures() > 0) {
            System.out.printf("  (%d requests failed)%n", result.failures());
        }
        return result;
    }

    private static void report(String how, ClosedLoop.Result result) {
        System.out.printf("%-11s %-9s %9s %9s %9s %9s %10s%n", how, "query", "requests", "req/s", "p50 ms", "p99 ms",
                "max ms");
        for (String query : List.of("caseload", "history")) {
            if (result.count(query) == 0) {
                System.out.printf("%-11s %-9s %9d%n", "", query, 0);
                continue;
            }
            System.out.printf("%-11s %-9s %9d %9.0f %9.2f %9.2f %10.2f%n", "", query, result.count(query),
                    result.perSecond(query), result.millis(query, 0.50), result.millis(query, 0.99),
                    result.millis(query, 1.0));
        }
    }

    /** Over HTTP with HTTP Basic, as a client (the analyst reads caseloads, the liaison histories with a purpose). */
    static final class Http implements Client {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final String base;

        Http(int port) {
            this.base = "http://127.0.0.1:" + port;
        }

        @Override
        public boolean caseload(String[] scope) {
            String query = scope[0] != null ? "neighbourhood=" + scope[0]
                    : scope[1] != null ? "focusArea=" + scope[1] : "gemeente=" + scope[2];
            return get("analist", "/api/caseload?" + query);
        }

        @Override
        public boolean history(String trajectoryId) {
            return get("liaison", "/api/trajectories/" + trajectoryId + "/history");
        }

        private boolean get(String user, String path) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(ClosedLoop.REQUEST_TIMEOUT)
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .header("X-Purpose", PURPOSE)
                    .build();
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                return response.statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** The readers the endpoints call, in this JVM: the cost of the query and its answer without HTTP and login. */
    static final class InProcess implements Client {
        private static final KoersUser ANALYST = new KoersUser("analist", Role.POLICY_ANALYST, Set.of(), true);
        private static final KoersUser LIAISON = new KoersUser("liaison", Role.JUSTICE_LIAISON, Set.of(), true);
        private final CaseloadReader caseloads;
        private final HistoryReader histories;

        InProcess(EmbeddedKoers koers) {
            this.caseloads = koers.bean(CaseloadReader.class);
            this.histories = koers.bean(HistoryReader.class);
        }

        @Override
        public boolean caseload(String[] scope) {
            return caseloads.caseload(ANALYST, CaseloadScope.of(scope[0], scope[1], scope[2])) != null;
        }

        @Override
        public boolean history(String trajectoryId) {
            return !histories.history(LIAISON, trajectoryId, null, null, PURPOSE).entries().isEmpty();
        }
    }
}
