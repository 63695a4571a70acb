package nl.koers.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.koers.events.aftercare.BasicCondition;
import nl.koers.events.aftercare.BasicConditionAssessed;
import nl.koers.events.aftercare.ConditionStatus;
import nl.koers.events.common.BusinessCalendar;
import nl.koers.events.common.CbsWijkCode;
import nl.koers.events.common.EncryptedValue;
import nl.koers.events.common.FocusAreaCode;
import nl.koers.events.common.SealedYouth;
import nl.koers.events.common.TrajectoryId;
import nl.koers.events.common.YouthId;
import nl.koers.events.contact.ContactRecorded;
import nl.koers.events.contact.PoliceContactRecorded;
import nl.koers.events.correction.EntryCorrected;
import nl.koers.events.detention.DetentionEnded;
import nl.koers.events.detention.DetentionStarted;
import nl.koers.events.detention.DetentionType;
import nl.koers.events.detention.NetworkMeetingHeld;
import nl.koers.events.detention.ReleaseReason;
import nl.koers.events.privacy.YouthPersonalDataErased;
import nl.koers.events.trajectory.CaseworkerAssigned;
import nl.koers.events.trajectory.ClosureReason;
import nl.koers.events.trajectory.ReferralSource;
import nl.koers.events.trajectory.TrajectoryClosed;
import nl.koers.events.trajectory.TrajectoryOpened;
import nl.koers.app.KoersApplication;
import nl.koers.platform.crypto.PersonalDataCipher;
import nl.koers.platform.crypto.YouthKeyStore;
import nl.koers.platform.testing.MutableClock;
import nl.koers.platform.testing.TestStores;
import nl.koers.query.audit.AuditChainStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * What the live system answered at three moments — the caseload of a focus area, its outcomes, one youth's
 * history — is exactly what {@code koers audit replay} rebuilds from the exported log for those moments. The
 * moments span a detention, a release, a close, a correction and an erasure. Only personal fields differ: the
 * replay has no keys and shows them sealed, so each must be the sealed form of what the live answer showed.
 */
@SpringBootTest(classes = KoersApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "koers.audit.settle-millis=1500")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayEqualsLiveTest {
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
    PersonalDataCipher cipher;
    @Autowired
    YouthKeyStore keys;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    AuditChainStore chain;
    @Autowired
    Clock clock;
    @TempDir
    static Path dir;

    final HttpClient http = HttpClient.newHttpClient();
    final LocalDate today = LocalDate.now(BusinessCalendar.ZONE);
    final int cohort = today.minusDays(40).getYear();
    final TrajectoryId first = TrajectoryId.newId();
    final TrajectoryId second = TrajectoryId.newId();
    final TrajectoryId third = TrajectoryId.newId();
    final YouthId firstYouth = YouthId.newId();
    final YouthId secondYouth = YouthId.newId();
    final Map<String, Long> sequences = new HashMap<>();
    /** Ciphertext → what it seals: how a sealed replayed value is matched with the live, opened one. */
    final Map<String, String> sealedValues = new HashMap<>();
    final List<Moment> moments = new ArrayList<>();
    Path export;

    /** What the live endpoints answered at one instant. */
    record Moment(Instant at, JsonNode caseload, JsonNode outcomes, JsonNode firstHistory, JsonNode secondHistory) {
    }

    @BeforeAll
    void liveHistoryThenExport() throws Exception {
        record(first, new TrajectoryOpened(first, firstYouth, new CbsWijkCode("WK059910"),
                new FocusAreaCode("FA03"), today.minusDays(40), ReferralSource.POLICE, seal(firstYouth, "fights at school"),
                youth(firstYouth, "Sam"), 15, "jeugdwerker"));
        record(second, new TrajectoryOpened(second, secondYouth, new CbsWijkCode("WK059912"), new FocusAreaCode("FA03"),
                today.minusDays(12), ReferralSource.SCHOOL, seal(secondYouth, "truancy"), youth(secondYouth, "Alex"), 16,
                "jeugdwerker"));
        String contactId = record(first, new ContactRecorded(first, "HOME_VISIT", today.minusDays(35),
                seal(firstYouth, "met mother and Sam at home"), "jeugdwerker"));
        record(first, new CaseworkerAssigned(first, "jeugdwerker", today.minusDays(35), "jeugdwerker"));
        record(second, new DetentionStarted(second, DetentionType.PRE_TRIAL, "JJI Den Hey-Acker", today.minusDays(10),
                "liaison"));
        moments.add(live());

        record(second, new NetworkMeetingHeld(second, today.minusDays(8), "liaison"));
        record(second, new DetentionEnded(second, today.minusDays(3), ReleaseReason.RELEASED_BY_COURT, "liaison"));
        record(second, new BasicConditionAssessed(second, BasicCondition.HOUSING, ConditionStatus.MET, today.minusDays(3),
                "jeugdwerker"));
        record(second, new PoliceContactRecorded(second, "ARREST", today.minusDays(1), "liaison"));
        record(first, new EntryCorrected(first, contactId, today, today.minusDays(33),
                seal(firstYouth, "date was entered wrongly"), "jeugdwerker"));
        record(first, new TrajectoryClosed(first, today.minusDays(1), ClosureReason.GOALS_REACHED, "jeugdwerker"));
        YouthId thirdYouth = YouthId.newId();
        record(third, new TrajectoryOpened(third, thirdYouth, new CbsWijkCode("WK059915"), new FocusAreaCode("FA03"),
                today.minusDays(2), ReferralSource.HALT, seal(thirdYouth, "shoplifting"), youth(thirdYouth, "Kim"), 14,
                "jeugdwerker"));
        moments.add(live());

        publish(firstYouth.value(), 0, new YouthPersonalDataErased(firstYouth, "request of the youth", "beheerder"));
        keys.destroy(firstYouth);
        record(second, new ContactRecorded(second, "TALK", today, seal(secondYouth, "talked about school"),
                "jeugdwerker"));
        moments.add(live());

        export = exportAll();
    }

    @Test
    void theReplayedCaseloadIsWhatTheLiveCaseloadShowedAtEachMoment() throws Exception {
        for (Moment moment : moments) {
            JsonNode replayed = replay(moment.at(), "--view", "caseload", "--focus-area", "FA03");
            assertSameAnswer(moment.caseload(), replayed, "caseload at " + moment.at());
        }
        // read as a policy analyst: the one overdue meeting is a small count, "<5" in its wijk, and the focus-area
        // total over that wijk is withheld
        assertThat(moments.get(0).caseload().get("overdueNetworkMeetings").isNull()).isTrue();
        assertThat(moments.get(0).caseload().get("byNeighbourhood").findValuesAsText("overdueNetworkMeetings"))
                .contains("<5");
        assertThat(moments.get(1).caseload().get("overdueNetworkMeetings").asLong()).isZero();
    }

    @Test
    void theReplayedOutcomesAreWhatTheLiveOutcomesShowedAtEachMoment() throws Exception {
        for (Moment moment : moments) {
            JsonNode replayed = replay(moment.at(), "--view", "outcomes", "--focus-area", "FA03", "--cohort",
                    String.valueOf(cohort));
            assertSameAnswer(moment.outcomes(), replayed, "outcomes at " + moment.at());
        }
    }

    /**
     * Replayed one slice of trajectories at a time, the caseload and outcomes are still what the live system showed:
     * with a number of slices that puts the three trajectories in more than one slice.
     */
    @Test
    void replayedInSlicesTheCaseloadAndOutcomesAreWhatTheLiveSystemShowed() throws Exception {
        int slices = 2;
        while (sliceCount(slices) < 2) {
            slices++;
        }
        for (Moment moment : moments) {
            assertSameAnswer(moment.caseload(), replay(moment.at(), "--view", "caseload", "--focus-area", "FA03",
                    "--slices", String.valueOf(slices)), "caseload in " + slices + " slices at " + moment.at());
            assertSameAnswer(moment.outcomes(), replay(moment.at(), "--view", "outcomes", "--focus-area", "FA03",
                    "--cohort", String.valueOf(cohort), "--slices", String.valueOf(slices)),
                    "outcomes in " + slices + " slices at " + moment.at());
        }
    }

    private long sliceCount(int slices) {
        return java.util.stream.Stream.of(first, second, third)
                .map(trajectory -> ExportEvents.sliceOf(trajectory.value(), slices)).distinct().count();
    }

    @Test
    void theReplayedHistoriesAreWhatTheLiveHistoriesShowedAtEachMoment() throws Exception {
        for (Moment moment : moments) {
            assertSameAnswer(moment.firstHistory(), replay(moment.at(), "--view", "history", "--trajectory", first.value()),
                    "first history at " + moment.at());
            assertSameAnswer(moment.secondHistory(), replay(moment.at(), "--view", "history", "--trajectory",
                    second.value()), "second history at " + moment.at());
        }
        assertThat(moments.get(0).firstHistory().get("entries")).hasSize(3);
        assertThat(moments.get(2).firstHistory().get("youthErased").asBoolean()).isTrue();
    }

    @Test
    void beforeTheFirstEventTheReplayedViewsAreEmpty() throws Exception {
        JsonNode caseload = replay(Instant.parse("2020-01-01T00:00:00Z"), "--view", "caseload", "--focus-area", "FA03");
        assertThat(caseload.get("active").get("PREVENTION").asLong()).isZero();
        assertThat(caseload.get("asOf").asText()).isEqualTo("2020-01-01");
    }

    // ---- recording, as the write side would (sealed with the youth's real key) ----

    EncryptedValue seal(YouthId youth, String plaintext) {
        EncryptedValue sealed = cipher.seal(youth, plaintext);
        sealedValues.put(sealed.ciphertext(), plaintext);
        return sealed;
    }

    SealedYouth youth(YouthId youth, String givenName) {
        return new SealedYouth(seal(youth, givenName), seal(youth, "Jansen"), seal(youth, "2010-04-01"), null);
    }

    String record(TrajectoryId trajectory, Object event) {
        long sequence = sequences.merge(trajectory.value(), 1L, Long::sum) - 1;
        return publish(trajectory.value(), sequence, event);
    }

    String publish(String aggregateId, long sequence, Object event) {
        GenericDomainEventMessage<Object> message = new GenericDomainEventMessage<>("Trajectory", aggregateId, sequence,
                event, MetaData.with("user", "jeugdwerker"));
        eventStore.publish(message);
        return message.getIdentifier();
    }

    // ---- the live answers ----

    Moment live() throws Exception {
        awaitProjections();
        Instant at = Instant.now();
        if (clock instanceof MutableClock handMoved) {
            // Another test's configuration can put a hand-moved clock in the context: "today" must be now here.
            handMoved.set(at);
        }
        Moment moment = new Moment(null,
                getJson("/api/caseload?focusArea=FA03", "analist"),
                getJson("/api/outcomes?focusArea=FA03&cohort=" + cohort, "analist"),
                getJson("/api/trajectories/" + first.value() + "/history", "liaison"),
                getJson("/api/trajectories/" + second.value() + "/history", "liaison"));
        Thread.sleep(5); // events recorded after this moment carry a later timestamp
        return new Moment(at, moment.caseload(), moment.outcomes(), moment.firstHistory(), moment.secondHistory());
    }

    void awaitProjections() throws InterruptedException {
        long head = eventStore.createHeadToken().position().orElseThrow();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            boolean caughtUp = !processing.eventProcessors().isEmpty();
            for (var processor : processing.eventProcessors().values()) {
                if (processor instanceof StreamingEventProcessor streaming) {
                    Map<Integer, EventTrackerStatus> status = streaming.processingStatus();
                    caughtUp &= !status.isEmpty() && status.values().stream().allMatch(s ->
                            s.getCurrentPosition().orElse(-1) >= head);
                }
            }
            if (caughtUp) {
                return;
            }
            Thread.sleep(50);
        }
        fail("the projections did not catch up with position " + head);
    }

    JsonNode getJson(String path, String user) throws Exception {
        HttpResponse<String> response = get(path, user);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":koers-demo").getBytes(StandardCharsets.UTF_8)))
                .header("X-Purpose", "replay test")
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    // ---- the export and the replay ----

    Path exportAll() throws Exception {
        long head = eventStore.createHeadToken().position().orElseThrow();
        long deadline = System.currentTimeMillis() + 60_000;
        while (chain.head().position() < head && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        Path file = dir.resolve("export.ndjson");
        StringBuilder all = new StringBuilder();
        long from = 0;
        while (true) {
            String page = get("/api/audit/events?fromPosition=" + from + "&limit=5", "auditor").body();
            if (page.isEmpty()) {
                break;
            }
            all.append(page);
            String[] lines = page.split("\n");
            from = JSON.readTree(lines[lines.length - 1]).get("position").asLong() + 1;
        }
        Files.writeString(file, all.toString());
        assertThat(AuditRun.of("verify", file.toString()).exit()).isZero();
        return file;
    }

    JsonNode replay(Instant asOf, String... view) throws Exception {
        List<String> args = new ArrayList<>(List.of("replay", export.toString(), "--as-of", asOf.toString()));
        args.addAll(List.of(view));
        AuditRun run = AuditRun.of(args.toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    /** Equal JSON, except that where the live answer shows an opened personal value the replay shows it sealed. */
    void assertSameAnswer(JsonNode live, JsonNode replayed, String where) {
        compare(live, replayed, where);
    }

    private void compare(JsonNode live, JsonNode replayed, String path) {
        if (live.isObject()) {
            assertThat(replayed.isObject()).as(path).isTrue();
            List<String> liveFields = new ArrayList<>();
            live.fieldNames().forEachRemaining(liveFields::add);
            List<String> replayedFields = new ArrayList<>();
            replayed.fieldNames().forEachRemaining(replayedFields::add);
            assertThat(replayedFields).as(path).isEqualTo(liveFields);
            for (String field : liveFields) {
                compare(live.get(field), replayed.get(field), path + "." + field);
            }
        } else if (live.isArray()) {
            assertThat(replayed.size()).as(path).isEqualTo(live.size());
            Iterator<JsonNode> other = replayed.elements();
            int i = 0;
            for (JsonNode element : live) {
                compare(element, other.next(), path + "[" + i++ + "]");
            }
        } else if (!live.equals(replayed)) {
            assertThat(replayed.isTextual() && sealedValues.containsKey(replayed.asText())).as(path + ": live " + live
                    + ", replayed " + replayed).isTrue();
            assertThat(sealedValues.get(replayed.asText())).as(path).isEqualTo(live.asText());
        }
    }
}
