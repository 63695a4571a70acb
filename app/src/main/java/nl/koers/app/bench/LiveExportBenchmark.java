package nl.koers.app.bench;

import nl.koers.app.audit.AuditCli;
import nl.koers.app.audit.ExportEvents;
import nl.koers.app.audit.ExportFile;
import nl.koers.app.audit.ReplayCommand;
import nl.koers.app.KoersApplication;
import nl.koers.query.audit.AuditChainStore;
import nl.koers.query.audit.ChainVerifier;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The export half of the audit benchmark: an embedded Koers (H2 file event store, in-process MongoDB) is loaded
 * with the synthetic events, the chain writer links them, and the log is exported over HTTP page by page as an
 * auditor would. The live projections run meanwhile, as they would in production.
 */
final class LiveExportBenchmark {
    private static final int PAGE = 10_000;

    private LiveExportBenchmark() {
    }

    static Map<String, Double> run(Path export, Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Map<String, Double> seconds = new LinkedHashMap<>();
        // Command-line arguments: they outrank the launcher's application.yml (demo data, port 8080).
        ConfigurableApplicationContext koers = new SpringApplicationBuilder(KoersApplication.class)
                .run("--server.port=0", "--koers.data-dir=" + dataDir, "--koers.mongo.in-memory=true",
                        "--koers.demo-data=false", "--koers.audit.settle-millis=1000",
                        "--spring.main.banner-mode=off", "--logging.level.root=WARN");
        try {
            EventStore store = koers.getBean(EventStore.class);
            long t = System.nanoTime();
            load(export, store);
            seconds.put("load into event store", since(t));
            long head = store.createHeadToken().position().orElseThrow();
            AuditChainStore chain = koers.getBean(AuditChainStore.class);
            while (chain.head().position() < head) {
                sleep();
            }
            seconds.put("chain (after load)", since(t));
            String port = koers.getEnvironment().getProperty("local.server.port");
            Path file = dataDir.resolve("exported.ndjson");
            t = System.nanoTime();
            exportOverHttp(port, file);
            seconds.put("export over HTTP", since(t));
            try (BufferedReader reader = Files.newBufferedReader(file)) {
                if (!ChainVerifier.verify(reader).intact()) {
                    throw new IllegalStateException("the exported log does not verify");
                }
            }
            return seconds;
        } finally {
            koers.close();
        }
    }

    private static void load(Path export, EventStore store) throws IOException {
        List<EventMessage<?>> batch = new ArrayList<>(1_000);
        new ExportEvents().replay(() -> Files.newInputStream(export), Instant.MAX, r -> true,
                messages -> messages.forEach(message -> {
                    batch.add(asStored(message));
                    if (batch.size() == 1_000) {
                        store.publish(batch);
                        batch.clear();
                    }
                }), lines -> { });
        store.publish(batch);
    }

    private static EventMessage<?> asStored(DomainEventMessage<?> message) {
        return new GenericDomainEventMessage<>("Trajectory", message.getAggregateIdentifier(),
                message.getSequenceNumber(), message.getPayload(), message.getMetaData(), message.getIdentifier(),
                message.getTimestamp());
    }

    private static void exportOverHttp(String port, Path file) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString("auditor:koers-demo".getBytes(StandardCharsets.UTF_8));
        long from = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/audit/events?fromPosition=" + from + "&limit=" + PAGE)).header("Authorization", auth).build();
                HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("export answered " + response.statusCode());
                }
                byte[] page = response.body().readAllBytes();
                if (page.length == 0) {
                    return;
                }
                out.write(page);
                int lastStart = lastLineStart(page);
                String last = new String(page, lastStart, page.length - lastStart, StandardCharsets.UTF_8).trim();
                from = nl.koers.query.audit.AuditRecord.parse(last).position() + 1;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static int lastLineStart(byte[] page) {
        int end = page.length - 1;
        while (end > 0 && page[end] == '\n') {
            end--;
        }
        int start = end;
        while (start > 0 && page[start - 1] != '\n') {
            start--;
        }
        return start;
    }

    private static double since(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
