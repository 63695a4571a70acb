package nl.koers.command.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.koers.command.CommandSideTestApplication;
import nl.koers.events.contact.PoliceContactRecorded;
import nl.koers.platform.testing.EventTable;
import nl.koers.platform.testing.TestStores;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static nl.koers.command.api.Api.json;
import static nl.koers.command.api.Api.openBody;
import static nl.koers.command.api.Api.postAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What keeps recording safe when clients retry or race: Idempotency-Key, parallel requests on one trajectory,
 * snapshots of long trajectories, and reading an event stored in an older revision. Runs on a real port so
 * parallel requests really run side by side; snapshots are taken every 5 events here.
 */
@SpringBootTest(classes = CommandSideTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "koers.snapshot-threshold=5")
@AutoConfigureMockMvc
class SafeRecordingTest {
    private static final String WORKER = "jeugdwerker";
    private static final String CONTACT = """
            {"kind": "TALK", "contactOn": "2026-03-01", "note": "afspraak nagekomen"}""";

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    DataSource dataSource;
    @Autowired
    EventStore eventStore;
    @LocalServerPort
    int port;
    Api api;
    Http http;

    @BeforeEach
    void setUp() {
        api = new Api(mvc, dataSource);
        http = new Http(port);
    }

    // --- Idempotency-Key ---

    @Test
    void theSameKeyAndBodyReturnsTheFirstAnswerAndRecordsNothingNew() throws Exception {
        String body = openBody("WK059910", "2025-09-01");
        MvcResult first = mvc.perform(postAs(WORKER, "/api/trajectories", body).header("Idempotency-Key", "open-1"))
                .andExpect(status().isCreated()).andReturn();
        long stored = api.storedEvents();

        mvc.perform(postAs(WORKER, "/api/trajectories", body).header("Idempotency-Key", "open-1"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", first.getResponse().getHeader("Location")))
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(result -> assertThat(json(result)).isEqualTo(json(first)));
        assertThat(api.storedEvents()).isEqualTo(stored);

        String id = json(first).get("trajectoryId").asText();
        String reordered = """
                {"note": "afspraak nagekomen",
                   "contactOn": "2026-03-01", "kind": "TALK"}""";
        mvc.perform(postAs(WORKER, "/api/trajectories/" + id + "/contacts", CONTACT).header("Idempotency-Key", "c-1"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(2));
        mvc.perform(postAs(WORKER, "/api/trajectories/" + id + "/contacts", reordered)
                        .header("Idempotency-Key", "c-1"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(2))
                .andExpect(header().string("Idempotent-Replayed", "true"));
        assertThat(api.storedEvents(id)).isEqualTo(3);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() throws Exception {
        String id = api.open();
        mvc.perform(postAs(WORKER, "/api/trajectories/" + id + "/contacts", CONTACT).header("Idempotency-Key", "k-2"))
                .andExpect(status().isCreated());
        long stored = api.storedEvents();
        mvc.perform(postAs(WORKER, "/api/trajectories/" + id + "/contacts", CONTACT.replace("TALK", "PHONE"))
                        .header("Idempotency-Key", "k-2"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.status").value(422));
        mvc.perform(postAs(WORKER, "/api/trajectories/" + id + "/outcomes", """
                        {"kind": "WORK", "achievedOn": "2026-03-01"}""").header("Idempotency-Key", "k-2"))
                .andExpect(status().isUnprocessableEntity());
        assertThat(api.storedEvents()).isEqualTo(stored);
    }

    @Test
    void keysBelongToOneUser() throws Exception {
        String rotterdam = api.open();
        MvcResult amsterdam = mvc.perform(postAs("jeugdwerker-ams", "/api/trajectories",
                openBody("WK0363TA", "2025-09-01"))).andExpect(status().isCreated()).andReturn();
        String ams = json(amsterdam).get("trajectoryId").asText();
        mvc.perform(postAs(WORKER, "/api/trajectories/" + rotterdam + "/contacts", CONTACT)
                .header("Idempotency-Key", "shared")).andExpect(status().isCreated());
        mvc.perform(postAs("jeugdwerker-ams", "/api/trajectories/" + ams + "/contacts", CONTACT)
                        .header("Idempotency-Key", "shared"))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotent-Replayed"));
        assertThat(api.storedEvents(ams)).isEqualTo(3);
    }

    @Test
    void aRefusedRequestKeepsNoAnswerSoTheSameKeyCanSucceedLater() throws Exception {
        String id = api.open();
        String meeting = """
                {"heldOn": "2026-03-05"}""";
        String path = "/api/trajectories/" + id + "/detentions/current/network-meeting";
        mvc.perform(postAs(WORKER, path, meeting).header("Idempotency-Key", "nm-1")).andExpect(status().isConflict());
        mvc.perform(postAs(WORKER, "/api/trajectories/" + id + "/detentions", """
                {"type": "PRE_TRIAL", "facility": "JJI Den Hey-Acker", "startedOn": "2026-03-01"}"""))
                .andExpect(status().isCreated());
        mvc.perform(postAs(WORKER, path, meeting).header("Idempotency-Key", "nm-1"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(3));
    }

    @Test
    void simultaneousRequestsWithOneKeyExecuteOnce() throws Exception {
        String id = api.open();
        List<HttpResponse<String>> responses = inParallel(8, 1, thread -> http.post(WORKER,
                "/api/trajectories/" + id + "/contacts", CONTACT, "Idempotency-Key", "race-1"));

        assertThat(api.storedEvents(id)).as("one contact, however many copies raced").isEqualTo(3);
        List<HttpResponse<String>> created = responses.stream().filter(r -> r.statusCode() == 201).toList();
        assertThat(created).isNotEmpty();
        assertThat(created).allSatisfy(r -> assertThat(r.body()).isEqualTo(created.get(0).body()));
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isIn(201, 409));
    }

    // --- parallel commands ---

    @Test
    void parallelCommandsOnOneTrajectoryNeitherLoseNorDuplicateAnEvent() throws Exception {
        String id = api.open();
        int threads = 8;
        int perThread = 5;
        List<HttpResponse<String>> responses = inParallel(threads, perThread, thread -> http.post(WORKER,
                "/api/trajectories/" + id + "/contacts", CONTACT));

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(201));
        ObjectMapper mapper = new ObjectMapper();
        List<Long> versions = new ArrayList<>();
        for (HttpResponse<String> response : responses) {
            versions.add(mapper.readTree(response.body()).get("version").asLong());
        }
        // the opening and its caseworker are versions 0 and 1
        List<Long> expected = LongStream.rangeClosed(2, 1 + threads * perThread).boxed().toList();
        assertThat(versions).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(api.events().sequences(id)).containsExactlyElementsOf(
                LongStream.rangeClosed(0, 1 + threads * perThread).boxed().toList());
    }

    /** Runs {@code rounds} requests on each of {@code threads} threads, all released at once. */
    private List<HttpResponse<String>> inParallel(int threads, int rounds, Request request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<HttpResponse<String>>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<List<HttpResponse<String>>> task = () -> {
                    start.await();
                    List<HttpResponse<String>> answers = new ArrayList<>();
                    for (int r = 0; r < rounds; r++) {
                        answers.add(request.send(thread));
                    }
                    return answers;
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<HttpResponse<String>> all = new ArrayList<>();
            for (Future<List<HttpResponse<String>>> future : futures) {
                all.addAll(future.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    interface Request {
        HttpResponse<String> send(int thread) throws Exception;
    }

    // --- snapshots ---

    @Test
    void aTrajectoryLoadedFromItsSnapshotStillKnowsItsState() throws Exception {
        String id = api.open();
        MvcResult started = mvc.perform(postAs(WORKER, "/api/trajectories/" + id + "/interventions", """
                {"type": "STREET_COACHING", "startedOn": "2025-10-01"}""")).andExpect(status().isCreated()).andReturn();
        String intervention = json(started).get("interventionId").asText();
        mvc.perform(postAs(WORKER, "/api/trajectories/" + id + "/detentions", """
                {"type": "PRE_TRIAL", "facility": "JJI Den Hey-Acker", "startedOn": "2025-11-01"}"""))
                .andExpect(status().isCreated());
        for (int i = 0; i < 6; i++) {
            mvc.perform(postAs(WORKER, "/api/trajectories/" + id + "/contacts", CONTACT)).andExpect(status().isCreated());
        }
        assertThat(snapshotSequence(id)).as("a snapshot was taken").isGreaterThanOrEqualTo(5L);

        // Each answer below depends on state from before the snapshot.
        mvc.perform(postAs(WORKER, "/api/trajectories/" + id + "/detentions", """
                {"type": "PIJ", "facility": "JJI Den Hey-Acker", "startedOn": "2026-03-01"}"""))
                .andExpect(status().isConflict());
        mvc.perform(postAs(WORKER, "/api/trajectories/" + id + "/detentions/current/end", """
                {"endedOn": "2025-10-31", "reason": "OTHER"}""")).andExpect(status().isBadRequest());
        mvc.perform(postAs(WORKER, "/api/trajectories/" + id + "/interventions/" + intervention + "/complete", """
                {"completedOn": "2026-03-01"}""")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(10));
        mvc.perform(postAs(WORKER, "/api/trajectories/" + id + "/interventions/" + intervention + "/complete", """
                {"completedOn": "2026-03-02"}""")).andExpect(status().isConflict());
        mvc.perform(postAs(WORKER, "/api/trajectories/" + id + "/contacts", CONTACT).header("If-Match", "\"10\""))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(11));
    }

    /** A snapshot in the walking skeleton's shape (no revision) would restore an empty entry log: it is skipped. */
    @Test
    void aSnapshotOfAnEarlierAggregateShapeIsIgnored() throws Exception {
        String id = api.open();
        mvc.perform(postAs(WORKER, "/api/trajectories/" + id + "/detentions", """
                {"type": "PRE_TRIAL", "facility": "JJI Den Hey-Acker", "startedOn": "2025-11-01"}"""))
                .andExpect(status().isCreated());
        String skeleton = """
                {"trajectoryId":"%s","youthId":null,"focusArea":"FA03","openedOn":"2025-09-01","phase":"PREVENTION",
                 "closedOn":null,"version":1}""".formatted(id);
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO SnapshotEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, "
                        + "payload, payloadRevision, payloadType, timeStamp) VALUES (?, 2, 'Trajectory', ?, ?, ?, NULL, "
                        + "'nl.koers.command.trajectory.Trajectory', '2025-11-01T12:00:00Z')")) {
            insert.setString(1, id);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setBytes(3, "{}".getBytes(StandardCharsets.UTF_8));
            insert.setBytes(4, skeleton.getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }

        mvc.perform(postAs(WORKER, "/api/trajectories/" + id + "/close", """
                {"closedOn": "2026-03-01", "reason": "OTHER"}""")).andExpect(status().isConflict());
        mvc.perform(postAs(WORKER, "/api/trajectories/" + id + "/contacts", CONTACT).header("If-Match", "\"2\""))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(3));
    }

    private long snapshotSequence(String trajectory) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "SELECT MAX(sequenceNumber) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?")) {
            statement.setString(1, trajectory);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    // --- an event stored in an older revision ---

    @Test
    void aPoliceContactStoredInRevisionOneIsReadInRevisionTwo() throws Exception {
        String aggregate = UUID.randomUUID().toString();
        String revisionOne = """
                {"trajectoryId":"%s","kind":"ARREST","on":"2024-05-17","recordedBy":"jeugdwerker"}"""
                .formatted(aggregate);
        api.events().insert(new EventTable.StoredEvent(UUID.randomUUID().toString(), aggregate, 0, "Trajectory",
                "2024-05-17T12:00:00Z", PoliceContactRecorded.class.getName(), "1", revisionOne, "{}"));

        DomainEventMessage<?> read = eventStore.readEvents(aggregate).next();
        assertThat(read.getPayload()).isInstanceOf(PoliceContactRecorded.class);
        PoliceContactRecorded contact = (PoliceContactRecorded) read.getPayload();
        assertThat(contact.contactOn()).hasToString("2024-05-17");
        assertThat(contact.kind()).isEqualTo("ARREST");
    }
}
