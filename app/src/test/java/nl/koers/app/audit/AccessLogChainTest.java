package nl.koers.app.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.koers.app.KoersApplication;
import nl.koers.platform.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access log is chained like the event log: an auditor exports it ({@code GET /api/audit/access-log/export})
 * and {@code koers audit verify} finds it intact — also after many concurrent reads — and names the first entry
 * that was altered, removed or moved.
 */
@SpringBootTest(classes = KoersApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessLogChainTest {
    private static final String OPENING = """
            {"neighbourhood":"WK059915","openedOn":"2026-01-15","referral":{"source":"SCHOOL","reason":"verzuim"},
             "youth":{"givenName":"Lotte","familyName":"Demo-Ketting","birthDate":"2011-05-06"}}""";
    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry);
    }

    @LocalServerPort
    int port;
    @TempDir
    Path dir;

    @Test
    void theExportedAccessLogVerifiesAndEveryTamperingIsNamed() throws Exception {
        String trajectory = new ObjectMapper().readTree(
                send("jeugdwerker", "/api/trajectories", OPENING).body()).get("trajectoryId").asText();
        // wait until the summary is projected: a read of a trajectory the view does not have yet is a 404
        for (int attempt = 0; send("jeugdwerker", "/api/trajectories/" + trajectory, null).statusCode() != 200; attempt++) {
            assertThat(attempt).as("summary projected within 10 s").isLessThan(100);
            Thread.sleep(100);
        }
        ExecutorService readers = Executors.newFixedThreadPool(8);
        List<Future<Integer>> reads = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            String user = i % 10 == 0 ? "jeugdwerker-ams" : "jeugdwerker"; // refused reads are logged too
            reads.add(readers.submit(() -> send(user, "/api/trajectories/" + trajectory, null).statusCode()));
        }
        for (Future<Integer> read : reads) {
            assertThat(read.get()).isIn(200, 403);
        }
        readers.shutdown();

        assertThat(send("jeugdwerker", "/api/audit/access-log/export", null).statusCode()).isEqualTo(403);
        HttpResponse<String> export = send("auditor", "/api/audit/access-log/export?fromSequence=1&limit=10000", null);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        List<String> lines = export.body().lines().toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(80);
        List<Long> sequences = new ArrayList<>();
        for (String line : lines) {
            sequences.add(new ObjectMapper().readTree(line).get("sequence").asLong());
        }
        assertThat(sequences).isEqualTo(LongStream.rangeClosed(1, lines.size()).boxed().toList());
        assertThat(String.join("\n", lines)).contains("REFUSED").contains(trajectory);

        var intact = AuditCliVerifyTest.verify(write("intact", lines));
        assertThat(intact.exit()).isZero();
        assertThat(intact.out()).contains("INTACT: " + lines.size() + " access-log entries");

        List<String> altered = new ArrayList<>(lines);
        altered.set(2, lines.get(2).replace("\"user\":\"jeugdwerker", "\"user\":\"beheerder"));
        assertBroken(altered, "position 3 (line 3): altered");

        List<String> missing = new ArrayList<>(lines);
        missing.remove(3);
        assertBroken(missing, "position 5 (line 4): missing");

        List<String> reordered = new ArrayList<>(lines);
        reordered.set(3, lines.get(4));
        reordered.set(4, lines.get(3));
        assertBroken(reordered, "position 5 (line 4): reordered");
    }

    private void assertBroken(List<String> lines, String finding) throws Exception {
        var run = AuditCliVerifyTest.verify(write("tampered", lines));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("BROKEN at " + finding);
    }

    private Path write(String name, List<String> lines) throws Exception {
        Path file = dir.resolve(name + ".ndjson");
        Files.write(file, lines);
        return file;
    }

    private HttpResponse<String> send(String user, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":koers-demo").getBytes(StandardCharsets.UTF_8)));
        if (json != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
