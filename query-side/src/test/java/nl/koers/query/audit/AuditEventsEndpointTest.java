package nl.koers.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.koers.events.common.CbsWijkCode;
import nl.koers.events.common.EncryptedValue;
import nl.koers.events.common.FocusAreaCode;
import nl.koers.events.common.SealedYouth;
import nl.koers.events.common.TrajectoryId;
import nl.koers.events.common.YouthId;
import nl.koers.events.contact.ContactRecorded;
import nl.koers.events.trajectory.ClosureReason;
import nl.koers.events.trajectory.ReferralSource;
import nl.koers.events.trajectory.TrajectoryClosed;
import nl.koers.events.trajectory.TrajectoryOpened;
import nl.koers.platform.testing.TestStores;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit export over HTTP on the embedded default's JDBC store: what auditors get, page by page, links into one
 * chain that the offline verifier accepts, with personal fields exactly as sealed and old revisions as stored.
 */
@SpringBootTest(classes = AuditTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "koers.audit.settle-millis=1500")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditEventsEndpointTest {
    static final String SEALED_NAME = Base64.getEncoder().encodeToString("sealed given name".getBytes());
    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    DataSource dataSource;
    @Autowired
    AuditChainStore chain;

    final HttpClient http = HttpClient.newHttpClient();
    final TrajectoryId first = TrajectoryId.newId();
    final TrajectoryId second = TrajectoryId.newId();
    long lastPosition;

    @BeforeAll
    void recordHistory() throws Exception {
        publish(first, 0, opened(first));
        publish(second, 0, opened(second));
        publish(first, 1, new ContactRecorded(first, "HOME_VISIT", LocalDate.of(2026, 2, 3),
                new EncryptedValue(SEALED_NAME), "jeugdwerker"));
        rolledBackInsert();
        storedAsRevisionOne(second, 1);
        publish(first, 2, new TrajectoryClosed(first, LocalDate.of(2026, 2, 10), ClosureReason.GOALS_REACHED,
                "jeugdwerker"));
        lastPosition = eventStore.createHeadToken().position().orElseThrow();
        long waitUntil = System.currentTimeMillis() + 60_000;
        while (chain.head().position() < lastPosition && System.currentTimeMillis() < waitUntil) {
            Thread.sleep(100);
        }
    }

    static TrajectoryOpened opened(TrajectoryId id) {
        YouthId youth = YouthId.newId();
        EncryptedValue sealed = new EncryptedValue(SEALED_NAME);
        return new TrajectoryOpened(id, youth, new CbsWijkCode("WK059910"), new FocusAreaCode("FA03"),
                LocalDate.of(2026, 1, 15), ReferralSource.POLICE, sealed,
                new SealedYouth(sealed, sealed, sealed, null), 15, "jeugdwerker");
    }

    void publish(TrajectoryId id, long sequence, Object payload) {
        eventStore.publish(new GenericDomainEventMessage<>("Trajectory", id.value(), sequence, payload,
                MetaData.with("user", "jeugdwerker")));
    }

    /** A position the store handed out and never used: the chain must step over it. */
    void rolledBackInsert() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            insert(connection, UUID.randomUUID().toString(), "nl.koers.events.contact.ContactRecorded", "1",
                    "{}", Instant.now());
            connection.rollback();
        }
    }

    /** A police contact as revision 1 wrote it ({@code on}); the application upcasts it, the export must not. */
    void storedAsRevisionOne(TrajectoryId id, long sequence) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry "
                    + "(eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, "
                    + "payloadRevision, payload, metaData) VALUES (?,?,?,?,?,?,?,?,?)")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, id.value());
                insert.setLong(3, sequence);
                insert.setString(4, "Trajectory");
                insert.setString(5, Instant.now().toString());
                insert.setString(6, "nl.koers.events.contact.PoliceContactRecorded");
                insert.setString(7, "1");
                insert.setBytes(8, ("{\"trajectoryId\":\"" + id.value() + "\",\"kind\":\"ARREST\",\"on\":\"2026-02-05\","
                        + "\"recordedBy\":\"liaison\"}").getBytes(StandardCharsets.UTF_8));
                insert.setBytes(9, "{}".getBytes(StandardCharsets.UTF_8));
                insert.executeUpdate();
            }
        }
    }

    private static void insert(Connection connection, String eventId, String type, String revision, String payload,
                               Instant at) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry "
                + "(eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, "
                + "payloadRevision, payload, metaData) VALUES (?,?,?,?,?,?,?,?,?)")) {
            insert.setString(1, eventId);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setLong(3, 0);
            insert.setString(4, "Trajectory");
            insert.setString(5, at.toString());
            insert.setString(6, type);
            insert.setString(7, revision);
            insert.setBytes(8, payload.getBytes(StandardCharsets.UTF_8));
            insert.setBytes(9, "{}".getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
    }

    HttpResponse<String> get(String query, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/audit/events" + query));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":koers-demo").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static List<String> lines(HttpResponse<String> response) {
        return response.body().isEmpty() ? List.of() : Arrays.asList(response.body().split("\n"));
    }

    @Test
    void theAuditorGetsTheWholeLogAsJsonLinesThatVerifyOffline() throws Exception {
        HttpResponse<String> response = get("?fromPosition=0&limit=1000", "auditor");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/x-ndjson"));
        List<String> lines = lines(response);
        assertThat(lines).hasSize(5);
        ChainVerifier.Result result = ChainVerifier.verify(new BufferedReader(new StringReader(response.body())));
        assertThat(result.intact()).as(result.intact() ? "" : result.firstBreak().describe()).isTrue();
        assertThat(result.summary().fromStartOfLog()).isTrue();
        assertThat(result.summary().lastPosition()).isEqualTo(lastPosition);
        assertThat(result.summary().finalHash()).isEqualTo(chain.head().hash());
    }

    @Test
    void eachLineCarriesExactlyTheFieldsOfTheContract() throws Exception {
        JsonNode line = JSON.readTree(lines(get("?fromPosition=0&limit=1", "auditor")).get(0));

        List<String> fields = new ArrayList<>();
        line.fieldNames().forEachRemaining(fields::add);
        assertThat(new TreeSet<>(fields)).containsExactlyInAnyOrderElementsOf(List.of("position", "eventId",
                "aggregateId", "sequence", "type", "revision", "timestamp", "payload", "metadata", "hash",
                "previousHash"));
        assertThat(line.get("aggregateId").asText()).isEqualTo(first.value());
        assertThat(line.get("sequence").asLong()).isZero();
        assertThat(line.get("type").asText()).isEqualTo(TrajectoryOpened.class.getName());
        assertThat(line.get("revision").asText()).isEqualTo("1");
        assertThat(Instant.parse(line.get("timestamp").asText())).isBefore(Instant.now());
        assertThat(line.get("metadata").get("user").asText()).isEqualTo("jeugdwerker");
        assertThat(line.get("previousHash").asText()).isEqualTo(AuditRecord.GENESIS);
        assertThat(line.get("hash").asText()).matches("[0-9a-f]{64}");
    }

    @Test
    void personalFieldsStaySealedExactlyAsStored() throws Exception {
        String body = get("?fromPosition=0&limit=1000", "auditor").body();
        JsonNode opened = JSON.readTree(lines(get("?fromPosition=0&limit=1", "auditor")).get(0)).get("payload");

        assertThat(opened.get("youth").get("givenName").asText()).isEqualTo(SEALED_NAME);
        assertThat(opened.get("referralReason").asText()).isEqualTo(SEALED_NAME);
        assertThat(body).doesNotContain("sealed given name");
    }

    @Test
    void anOldRevisionIsExportedAsStoredNotAsUpcast() throws Exception {
        JsonNode police = lines(get("?fromPosition=0&limit=1000", "auditor")).stream().map(this::tree)
                .filter(l -> l.get("type").asText().endsWith("PoliceContactRecorded")).findFirst().orElseThrow();

        assertThat(police.get("revision").asText()).isEqualTo("1");
        assertThat(police.get("payload").get("on").asText()).isEqualTo("2026-02-05");
        assertThat(police.get("payload").has("contactOn")).isFalse();
    }

    @Test
    void thePositionARolledBackInsertLeftIsSteppedOver() throws Exception {
        List<Long> positions = lines(get("?fromPosition=0&limit=1000", "auditor")).stream()
                .map(l -> tree(l).get("position").asLong()).toList();

        assertThat(positions).isSorted().doesNotHaveDuplicates();
        assertThat(positions.get(positions.size() - 1) - positions.get(0)).isEqualTo(positions.size());
    }

    @Test
    void pagesFollowOnByPositionAndEachLinksToTheOneBefore() throws Exception {
        List<String> all = lines(get("?fromPosition=0&limit=1000", "auditor"));
        List<String> paged = new ArrayList<>();
        long from = 0;
        String previousPageEnd = AuditRecord.GENESIS;
        while (true) {
            HttpResponse<String> page = get("?fromPosition=" + from + "&limit=2", "auditor");
            List<String> lines = lines(page);
            if (lines.isEmpty()) {
                break;
            }
            assertThat(lines.size()).isLessThanOrEqualTo(2);
            ChainVerifier.Result result = ChainVerifier.verify(new BufferedReader(new StringReader(page.body())));
            assertThat(result.intact()).isTrue();
            assertThat(result.summary().anchor()).isEqualTo(previousPageEnd);
            previousPageEnd = result.summary().finalHash();
            paged.addAll(lines);
            from = result.summary().lastPosition() + 1;
        }
        assertThat(paged).isEqualTo(all);
    }

    @Test
    void onlyAuditorsReadTheLog() throws Exception {
        assertThat(get("?fromPosition=0&limit=10", null).statusCode()).isEqualTo(401);
        for (String user : List.of("jeugdwerker", "liaison", "analist", "beheerder")) {
            HttpResponse<String> refused = get("?fromPosition=0&limit=10", user);
            assertThat(refused.statusCode()).as(user).isEqualTo(403);
            assertThat(refused.body()).doesNotContain("\"hash\"");
        }
    }

    @Test
    void invalidPagingIsABadRequest() throws Exception {
        HttpResponse<String> response = get("?fromPosition=-1&limit=0", "auditor");
        assertThat(response.statusCode()).isEqualTo(400);
        Map<?, ?> problem = JSON.readValue(response.body(), Map.class);
        assertThat(problem.get("errors").toString()).contains("fromPosition").contains("limit");
        assertThat(get("?limit=10001", "auditor").statusCode()).isEqualTo(400);
    }

    JsonNode tree(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
