package nl.koers.query.api;

import com.fasterxml.jackson.databind.JsonNode;
import nl.koers.events.aftercare.AftercareStarted;
import nl.koers.events.aftercare.BasicCondition;
import nl.koers.events.aftercare.BasicConditionAssessed;
import nl.koers.events.aftercare.ConditionStatus;
import nl.koers.events.common.InterventionId;
import nl.koers.events.contact.ContactRecorded;
import nl.koers.events.detention.DetentionEnded;
import nl.koers.events.detention.DetentionStarted;
import nl.koers.events.detention.DetentionType;
import nl.koers.events.detention.NetworkMeetingHeld;
import nl.koers.events.detention.ReleaseReason;
import nl.koers.events.intervention.InterventionPlanned;
import nl.koers.events.trajectory.ClosureReason;
import nl.koers.events.trajectory.TrajectoryClosed;
import nl.koers.query.testing.Api;
import nl.koers.query.testing.IntegrationTest;
import nl.koers.query.testing.TrajectoryStory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.LocalDate;

import static nl.koers.query.testing.TrajectoryStory.WORKER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The summary as a youth worker reads it first: the detention with its deadlines, interventions, basic conditions
 * and the end of follow-up; as it was known on an earlier day ({@code knownAt} as a date); after a write
 * ({@code minVersion}); and query parameters that are unknown or malformed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseAtAGlanceApiTest extends IntegrationTest {
    private Api api;
    private TrajectoryStory story;
    private String path;

    @BeforeAll
    void publishATrajectoryRecordedOverTwoMonths() {
        api = api();
        InterventionId debtHelp = InterventionId.newId();
        story = TrajectoryStory.opened(cipher, "WK059910", LocalDate.of(2026, 1, 5))
                .thenAt(at("2026-02-01T10:00:00Z"), s -> new DetentionStarted(s.id(), DetentionType.PRE_TRIAL,
                        "JJI Teylingereind", LocalDate.of(2026, 2, 1), WORKER))
                .thenAt(at("2026-02-10T10:00:00Z"), s -> new NetworkMeetingHeld(s.id(), LocalDate.of(2026, 2, 6),
                        WORKER))
                .thenAt(at("2026-02-10T11:00:00Z"), s -> new InterventionPlanned(s.id(), debtHelp, "DEBT_HELP",
                        LocalDate.of(2026, 3, 1), WORKER))
                .thenAt(at("2026-02-12T10:00:00Z"), s -> new BasicConditionAssessed(s.id(), BasicCondition.HOUSING,
                        ConditionStatus.NOT_MET, LocalDate.of(2026, 2, 12), WORKER))
                .thenAt(at("2026-03-01T10:00:00Z"), s -> new DetentionEnded(s.id(), LocalDate.of(2026, 3, 1),
                        ReleaseReason.SENTENCE_SERVED, WORKER))
                .thenAt(at("2026-03-01T10:00:00Z"), s -> new AftercareStarted(s.id(), LocalDate.of(2026, 3, 1),
                        WORKER))
                .thenAt(at("2026-03-05T10:00:00Z"), s -> new BasicConditionAssessed(s.id(), BasicCondition.HOUSING,
                        ConditionStatus.MET, LocalDate.of(2026, 3, 5), WORKER))
                .thenAt(at("2026-04-01T10:00:00Z"), s -> new TrajectoryClosed(s.id(), LocalDate.of(2026, 4, 1),
                        ClosureReason.GOALS_REACHED, WORKER));
        publish(story);
        awaitViews();
        path = "/api/trajectories/" + story.id();
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void theSummaryShowsTheCaseAtAGlance() {
        JsonNode summary = read(path);
        assertThat(summary.get("phase").asText()).isEqualTo("CLOSED");
        assertThat(summary.get("detention").isNull()).isTrue();
        assertThat(summary.at("/interventions/0/type").asText()).isEqualTo("DEBT_HELP");
        assertThat(summary.at("/interventions/0/status").asText()).isEqualTo("PLANNED");
        assertThat(summary.at("/basicConditions/HOUSING/status").asText()).isEqualTo("MET");
        assertThat(summary.at("/basicConditions/HOUSING/assessedOn").asText()).isEqualTo("2026-03-05");
        assertThat(summary.get("followUpUntil").asText()).isEqualTo("2028-04-01");
        assertThat(summary.get("version").asLong()).isEqualTo(8);
        assertThat(summary.has("knownAt")).isFalse();
    }

    @Test
    void aDateMeansWhatWasKnownAtTheEndOfThatDayInAmsterdam() {
        JsonNode tenth = read(path + "?knownAt=2026-02-10");
        assertThat(tenth.get("knownAt").asText()).isEqualTo("2026-02-10T22:59:59.999999999Z");
        assertThat(tenth.get("phase").asText()).isEqualTo("DETENTION");
        assertThat(tenth.at("/detention/startedOn").asText()).isEqualTo("2026-02-01");
        assertThat(tenth.at("/detention/networkMeetingDueOn").asText()).isEqualTo("2026-02-08");
        assertThat(tenth.at("/detention/networkMeetingHeldOn").asText()).isEqualTo("2026-02-06");
        assertThat(tenth.get("basicConditions").size()).isZero();
        assertThat(tenth.get("followUpUntil").isNull()).isTrue();
        assertThat(tenth.get("version").asLong()).isEqualTo(3);

        JsonNode ninth = read(path + "?knownAt=2026-02-09");
        assertThat(ninth.at("/detention/networkMeetingHeldOn").isNull()).isTrue();
        assertThat(ninth.get("interventions").size()).isZero();
        assertThat(read(path + "?knownAt=2026-02-12T09:59:59Z").get("basicConditions").size()).isZero();
        assertThat(read(path + "?knownAt=2026-02-12T10:00:00Z").at("/basicConditions/HOUSING/status").asText())
                .isEqualTo("NOT_MET");
        assertThat(api.get("jeugdwerker", path + "?knownAt=2025-12-31").status()).isEqualTo(404);
    }

    @Test
    void theHistoryTakesADateTooAndSaysWhichInstantItUsed() {
        JsonNode history = read(path + "/history?knownAt=2026-02-01");
        assertThat(history.get("knownAt").asText()).isEqualTo("2026-02-01T22:59:59.999999999Z");
        assertThat(history.get("entries")).hasSize(2);
        Api.Response invalid = api.get("jeugdwerker", path + "/history?knownAt=gisteren");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().at("/errors/0/message").asText()).contains("YYYY-MM-DD", "ISO-8601");
    }

    @Test
    void minVersionWaitsForTheSummaryToHoldAWrite() throws Exception {
        TrajectoryStory fresh = TrajectoryStory.opened(cipher, "WK059912", LocalDate.of(2026, 6, 1));
        publish(fresh);
        awaitViews();
        fresh.then(s -> new ContactRecorded(s.id(), "TALK", LocalDate.of(2026, 6, 2), null, WORKER));
        Thread writer = new Thread(() -> eventStore.publish(fresh.messages().get(1)));
        writer.start();
        JsonNode summary = read("/api/trajectories/" + fresh.id() + "?minVersion=1");
        writer.join();
        assertThat(summary.get("minVersionReached").asBoolean()).isTrue();
        assertThat(summary.get("version").asLong()).isEqualTo(1);
        JsonNode notYet = read("/api/trajectories/" + fresh.id() + "?minVersion=5");
        assertThat(notYet.get("minVersionReached").asBoolean()).isFalse();
        assertThat(api.get("jeugdwerker", "/api/trajectories/" + fresh.id() + "?minVersion=-1").status())
                .isEqualTo(400);
    }

    @Test
    void anUnknownQueryParameterIsRefusedNamingTheOnesTheEndpointKnows() {
        Api.Response unknown = api.get("jeugdwerker", path + "?knownat=2026-02-01");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().at("/errors/0/field").asText()).isEqualTo("knownat");
        assertThat(unknown.body().get("detail").asText()).contains("knownAt, minVersion");
        Api.Response caseload = api.get("jeugdwerker", "/api/caseload?focusArea=FA03&wijk=WK059910");
        assertThat(caseload.status()).isEqualTo(400);
        assertThat(caseload.body().get("detail").asText()).contains("focusArea, gemeente, neighbourhood");
        assertThat(api.get(null, path + "?knownat=2026-02-01").status()).as("who you are comes first")
                .isEqualTo(401);
    }

    @Test
    void aMalformedParameterNamesTheFormatItTakes() {
        assertThat(message("/api/trajectories?size=twenty")).contains("whole number");
        assertThat(message(path + "?minVersion=latest")).contains("whole number");
        assertThat(message("/api/trajectories?phase=ASLEEP")).contains("PREVENTION, DETENTION, AFTERCARE, CLOSED");
        assertThat(message("/api/audit/access-log?from=yesterday")).isNotEmpty();
    }

    private String message(String query) {
        Api.Response response = api.get(query.startsWith("/api/audit") ? "auditor" : "jeugdwerker", query);
        assertThat(response.status()).isEqualTo(400);
        return response.body().at("/errors/0/message").asText();
    }

    private JsonNode read(String query) {
        Api.Response response = api.get("jeugdwerker", query);
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
        return response.body();
    }
}
