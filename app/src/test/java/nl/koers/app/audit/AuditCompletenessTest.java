package nl.koers.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.koers.app.KoersApplication;
import nl.koers.app.bench.SyntheticExport;
import nl.koers.platform.testing.TestStores;
import nl.koers.query.audit.AuditRecord;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An export cut short no longer verifies as intact: the chain's head (from {@code GET /api/audit/head}) pins where
 * it must end, and every page that more events follow says where the next starts. The offline replay reproduces a
 * day and a role as well as an instant.
 */
@SpringBootTest(classes = KoersApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "koers.audit.settle-millis=500")
class AuditCompletenessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEXT = Pattern.compile("<(/api/audit/events\\?fromPosition=(\\d+)&limit=1)>; rel=\"next\"");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @TempDir
    Path dir;

    @Test
    void pagesLinkToTheNextAndAnExportShortOfTheHeadIsBroken() throws Exception {
        for (int i = 0; i < 3; i++) {
            String body = """
                    {"neighbourhood":"WK059912","openedOn":"2026-01-15","referral":{"source":"SCHOOL","reason":"x"},
                     "youth":{"givenName":"Kop%d","familyName":"Demo-Keten","birthDate":"2011-06-06"}}""".formatted(i);
            assertThat(send("jeugdwerker", HttpRequest.newBuilder(uri("/api/trajectories"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))).statusCode()).isEqualTo(201);
        }
        // the chain settles behind the log: pin the head only once it has reached the log's last event
        JsonNode head = awaitHead(eventStore.createHeadToken().position().orElseThrow());
        assertThat(head.get("hash").asText()).hasSize(64);
        assertThat(Instant.parse(head.get("timestamp").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(send("jeugdwerker", HttpRequest.newBuilder(uri("/api/audit/head"))).statusCode()).isEqualTo(403);

        List<String> lines = new ArrayList<>();
        String page = "/api/audit/events?fromPosition=0&limit=1";
        int pages = 0;
        while (page != null) {
            HttpResponse<String> answer = send("auditor", HttpRequest.newBuilder(uri(page)));
            assertThat(answer.statusCode()).isEqualTo(200);
            lines.addAll(answer.body().lines().filter(line -> !line.isBlank()).toList());
            pages++;
            Matcher next = NEXT.matcher(answer.headers().firstValue("Link").orElse(""));
            page = next.find() ? next.group(1) : null;
            if (page != null) {
                assertThat(Long.parseLong(next.group(2))).isGreaterThan(JSON.readTree(lines.get(lines.size() - 1))
                        .get("position").asLong());
            }
        }
        assertThat(pages).isEqualTo(lines.size()).isGreaterThanOrEqualTo(3);
        String pin = head.get("position").asLong() + ":" + head.get("hash").asText();

        Path whole = dir.resolve("whole.ndjson");
        Files.write(whole, lines);
        AuditRun intact = audit("verify", whole.toString(), "--head", pin);
        assertThat(intact.exit()).as(intact.out() + intact.err()).isZero();
        assertThat(intact.out()).contains("INTACT").contains("reaches the head");

        Path cut = dir.resolve("cut.ndjson");
        Files.write(cut, lines.subList(0, lines.size() - 1));
        assertThat(audit("verify", cut.toString()).exit()).as("without the head nothing shows").isZero();
        AuditRun broken = audit("verify", cut.toString(), "--head", pin);
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.out()).contains("INCOMPLETE").contains("position " + head.get("position").asLong());
    }

    @Test
    void replayTakesADateAsTheEndOfThatDayAndTheRoleToReproduce() throws Exception {
        Path export = dir.resolve("synthetic.ndjson");
        SyntheticExport.write(export, 2_000, 7, Instant.parse("2026-01-01T08:00:00Z"), Duration.ofDays(60));
        // the focus area with the most openings in January: the caseload there has counts to show or suppress
        String area = Files.readAllLines(export).stream().map(AuditRecord::parse)
                .filter(r -> r.type().endsWith("TrajectoryOpened") && r.timestamp().startsWith("2026-01"))
                .collect(Collectors.groupingBy(AuditCompletenessTest::focusArea, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();

        AuditRun byDate = audit("replay", export.toString(), "--as-of", "2026-01-31", "--view", "caseload",
                "--focus-area", area);
        AuditRun byInstant = audit("replay", export.toString(), "--as-of", "2026-01-31T22:59:59.999999999Z", "--view",
                "caseload", "--focus-area", area);
        assertThat(byDate.exit()).as(byDate.err()).isZero();
        assertThat(withoutAsOf(byDate.out())).as("the end of 31 January in Amsterdam")
                .isEqualTo(withoutAsOf(byInstant.out()));

        AuditRun worker = audit("replay", export.toString(), "--as-of", "2026-01-31", "--view", "caseload",
                "--focus-area", area, "--role", "youth-worker", "--areas", area);
        assertThat(worker.exit()).as(worker.err()).isZero();
        assertThat(worker.out()).doesNotContain("<5");
        assertThat(byDate.out()).as("an analyst sees small counts suppressed").contains("<5");

        AuditRun outside = audit("replay", export.toString(), "--as-of", "2026-01-31", "--view", "caseload",
                "--focus-area", area, "--role", "youth-worker", "--areas", area.equals("FA01") ? "FA02" : "FA01");
        assertThat(outside.exit()).isEqualTo(2);
        assertThat(outside.err()).contains("outside your focus areas");
        assertThat(audit("replay", export.toString(), "--as-of", "2026-01-31", "--view", "caseload",
                "--focus-area", area, "--role", "liaison").exit()).isEqualTo(2);
    }

    private static String focusArea(AuditRecord opened) {
        try {
            return JSON.readTree(opened.payload()).get("focusArea").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String withoutAsOf(String answer) throws Exception {
        JsonNode tree = JSON.readTree(answer);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree).remove("asOf");
        return tree.toString();
    }

    private static AuditRun audit(String... args) {
        return AuditRun.of(args);
    }

    private JsonNode awaitHead(long position) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            HttpResponse<String> answer = send("auditor", HttpRequest.newBuilder(uri("/api/audit/head")));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode head = JSON.readTree(answer.body());
            if (head.get("position").asLong() >= position || Instant.now().isAfter(deadline)) {
                assertThat(head.get("position").asLong()).isGreaterThanOrEqualTo(position);
                return head;
            }
            Thread.sleep(200);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(String user, HttpRequest.Builder request) throws Exception {
        request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":koers-demo").getBytes(StandardCharsets.UTF_8)));
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
