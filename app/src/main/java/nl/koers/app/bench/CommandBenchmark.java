package nl.koers.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.UUID;

/**
 * {@code ./koers bench commands [--clients 16] [--seconds 30] [--warmup 10] [--trajectories 64]
 * [--auth basic|bearer|both] [--dir DIR]}: starts the embedded default (H2 file event store, so every 201 is
 * durable), opens {@code --trajectories} trajectories as a youth worker, then lets {@code --clients} concurrent
 * HTTP clients record contacts on them (each client on its own trajectories, so they do not collide) and prints
 * durable commands per second with p50/p99 latency. Once with HTTP Basic (the demo users), once with bearer
 * tokens signed by a key made for the run (the production login path), each in a fresh data folder.
 */
public final class CommandBenchmark {
    private static final String USER = "jeugdwerker";
    private static final String PASSWORD = "koers-demo";
    private static final String NEIGHBOURHOOD = "WK059910";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CommandBenchmark() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    record Settings(int clients, int seconds, int warmup, int trajectories) {
    }

    public static int run(String[] args) {
        int clients = 16;
        int seconds = 30;
        int warmup = 10;
        int trajectories = 64;
        String auth = "both";
        Path dir = null;
        if (args.length % 2 != 0) {
            System.err.println("koers bench commands: every option needs a value");
            return ReplayBenchmark.USAGE;
        }
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--clients" -> clients = Integer.parseInt(value);
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--trajectories" -> trajectories = Integer.parseInt(value);
                case "--auth" -> auth = value;
                case "--dir" -> dir = Path.of(value);
                default -> {
                    System.err.println("koers bench commands: unknown option " + args[i]);
                    return ReplayBenchmark.USAGE;
                }
            }
        }
        if (!List.of("basic", "bearer", "both").contains(auth) || trajectories < clients) {
            System.err.println("koers bench commands: --auth is basic, bearer or both; --trajectories >= --clients");
            return ReplayBenchmark.USAGE;
        }
        Settings settings = new Settings(clients, seconds, warmup, trajectories);
        try {
            Path data = dir != null ? dir : BenchFolder.temporary("koers-bench-commands");
            System.out.printf("command benchmark: %d clients, %d s after %d s warm-up, %d trajectories;"
                            + " heap max %d MB, %d cores%n", clients, seconds, warmup, trajectories,
                    Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
            if (!auth.equals("bearer")) {
                measure("basic", data.resolve("basic"), List.of(), basic(), settings);
            }
            if (!auth.equals("basic")) {
                BearerTokens tokens = new BearerTokens();
                Path folder = Files.createDirectories(data.resolve("bearer"));
                String token = tokens.token(USER, "YOUTH_WORKER", List.of("FA03"), Duration.ofHours(2));
                measure("bearer", folder, List.of("--koers.demo-users=false",
                                "--" + BearerTokens.PUBLIC_KEY_PROPERTY + "=" + tokens.writePublicKey(folder)),
                        "Bearer " + token, settings);
            }
            return ReplayBenchmark.OK;
        } catch (IOException | RuntimeException e) {
            System.err.println("koers bench commands: " + e);
            return ReplayBenchmark.USAGE;
        }
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static void measure(String how, Path data, List<String> arguments, String authorization,
                                Settings settings) throws IOException {
        Files.createDirectories(data);
        try (EmbeddedKoers koers = EmbeddedKoers.start(data, arguments)) {
            Api api = new Api(koers.port(), authorization);
            LocalDate today = LocalDate.now();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < settings.trajectories(); i++) {
                ids.add(api.open(today.minusDays(30)));
            }
            String contact = """
                    {"kind": "TALK", "contactOn": "%s", "note": "benchmark contact"}""".formatted(today.minusDays(1));
            Map<Integer, AtomicLong> refused = new ConcurrentSkipListMap<>();
            ClosedLoop.Result result = ClosedLoop.run(settings.clients(), settings.warmup(), settings.seconds(), c -> {
                int[] next = {c};
                return () -> {
                    String id = ids.get(next[0]);
                    next[0] = (next[0] + settings.clients()) % settings.trajectories();
                    int status = api.post("/api/trajectories/" + id + "/contacts", contact);
                    if (status != 201) {
                        refused.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                        return null;
                    }
                    return "contact";
                };
            });
            if (result.count("contact") == 0) {
                throw new IllegalStateException(how + ": no contact was recorded (" + result.failures() + " failed)");
            }
            System.out.printf("commands over HTTP (%s, %d connections): %d in %d s, %.0f/s, p50 %.1f ms, p99 %.1f ms"
                            + "; %.2f ms CPU per command (whole process, clients included)%s%n",
                    how, settings.clients(), result.count("contact"), settings.seconds(), result.perSecond("contact"),
                    result.millis("contact", 0.50), result.millis("contact", 0.99), result.cpuMillisPer("contact"),
                    result.failures() > 0 ? " (" + result.failures() + " not 201: status " + refused + ")" : "");
        }
    }

    /** The youth worker's requests, with the given Authorization header on each. */
    private static final class Api {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final String base;
        private final String authorization;

        Api(int port, String authorization) {
            this.base = "http://127.0.0.1:" + port;
            this.authorization = authorization;
        }

        String open(LocalDate openedOn) {
            String body = """
                    {"neighbourhood": "%s", "openedOn": "%s",
                     "referral": {"source": "SCHOOL", "reason": "benchmark"},
                     "youth": {"givenName": "Bench", "familyName": "%s", "birthDate": "2010-05-01"}}
                    """.formatted(NEIGHBOURHOOD, openedOn, UUID.randomUUID());
            HttpResponse<String> response = send("/api/trajectories", body);
            if (response.statusCode() != 201) {
                throw new IllegalStateException("opening a trajectory answered " + response.statusCode()
                        + ": " + response.body());
            }
            try {
                return JSON.readTree(response.body()).get("trajectoryId").asText();
            } catch (IOException e) {
                throw new IllegalStateException("unexpected answer to opening: " + response.body(), e);
            }
        }

        int post(String path, String json) {
            return send(path, json).statusCode();
        }

        private HttpResponse<String> send(String path, String json) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(ClosedLoop.REQUEST_TIMEOUT)
                    .header("Authorization", authorization)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build();
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException("request failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
