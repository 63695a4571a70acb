package nl.koers.query.api;

import com.fasterxml.jackson.databind.JsonNode;
import nl.koers.events.contact.ContactRecorded;
import nl.koers.events.correction.EntryCorrected;
import nl.koers.events.detention.DetentionStarted;
import nl.koers.events.detention.DetentionType;
import nl.koers.events.trajectory.CaseworkerAssigned;
import nl.koers.query.testing.Api;
import nl.koers.query.testing.IntegrationTest;
import nl.koers.query.testing.TrajectoryStory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static nl.koers.query.testing.TrajectoryStory.WORKER;
import static org.assertj.core.api.Assertions.assertThat;

/** Reading individual trajectories over HTTP: summary, list and history, and who may read them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrajectoryReadApiTest extends IntegrationTest {
    private static final String PURPOSE = "X-Purpose";
    private static final String DEN_HAAG = "WK051833";
    private TrajectoryStory rotterdam;
    private TrajectoryStory rotterdamInDetention;
    private TrajectoryStory amsterdam;
    private Api api;

    @BeforeAll
    void publishTrajectories() {
        api = api();
        rotterdam = TrajectoryStory.opened(cipher, "WK059910", LocalDate.of(2026, 3, 2))
                .then(s -> new CaseworkerAssigned(s.id(), "fatima", LocalDate.of(2026, 3, 3), WORKER))
                .then(s -> new ContactRecorded(s.id(), "HOME_VISIT", LocalDate.of(2026, 3, 4),
                        cipher.seal(s.youth(), "Gesprek met moeder over school"), WORKER))
                .then(s -> new EntryCorrected(s.id(), s.eventId(2), LocalDate.of(2026, 3, 6), LocalDate.of(2026, 3, 5),
                        null, WORKER));
        rotterdamInDetention = TrajectoryStory.opened(cipher, "WK059915", LocalDate.of(2026, 4, 1))
                .then(s -> new DetentionStarted(s.id(), DetentionType.PRE_TRIAL, "JJI Teylingereind",
                        LocalDate.of(2026, 5, 1), WORKER));
        amsterdam = TrajectoryStory.opened(cipher, "WK0363TA", LocalDate.of(2026, 5, 2));
        publish(rotterdam, rotterdamInDetention, amsterdam);
        awaitViews();
    }

    @Test
    void aYouthWorkerReadsTheSummaryOfATrajectoryInTheirAreaWithTheYouthsDetailsOpened() {
        Api.Response response = api.get("jeugdwerker", "/api/trajectories/" + rotterdam.id());
        assertThat(response.status()).isEqualTo(200);
        JsonNode summary = response.body();
        assertThat(summary.get("youth").get("givenName").asText()).isEqualTo("Sem");
        assertThat(summary.get("youth").get("erased").asBoolean()).isFalse();
        assertThat(summary.get("neighbourhood").asText()).isEqualTo("WK059910");
        assertThat(summary.get("focusArea").asText()).isEqualTo("FA03");
        assertThat(summary.get("phase").asText()).isEqualTo("PREVENTION");
        assertThat(summary.get("caseworker").asText()).isEqualTo("fatima");
        assertThat(summary.get("version").asLong()).isEqualTo(3);
    }

    @Test
    void whoMayReadAnIndividualTrajectory() {
        String path = "/api/trajectories/" + rotterdam.id();
        assertThat(api.get("jeugdwerker-ams", path).status()).isEqualTo(403);
        assertThat(api.get("analist", path).status()).isEqualTo(403);
        assertThat(api.get("auditor", path).status()).isEqualTo(403);
        assertThat(api.get("beheerder", path).status()).isEqualTo(403);
        Api.Response withoutPurpose = api.get("liaison", path);
        assertThat(withoutPurpose.status()).isEqualTo(400);
        assertThat(withoutPurpose.contentType()).startsWith("application/problem+json");
        assertThat(withoutPurpose.body().get("errors").get(0).get("field").asText()).isEqualTo(PURPOSE);
        assertThat(api.get("liaison", path, PURPOSE, "Raad voor de Kinderbescherming: rapportage").status())
                .isEqualTo(200);
        assertThat(api.get(null, path).status()).isEqualTo(401);
        assertThat(api.get("jeugdwerker", "/api/trajectories/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
        // the purpose check comes before the existence check
        assertThat(api.get("liaison", "/api/trajectories/" + java.util.UUID.randomUUID()).status()).isEqualTo(400);
    }

    @Test
    void theListFiltersPagesAndStaysWithinAYouthWorkersAreas() {
        assertThat(ids(api.get("liaison", "/api/trajectories", PURPOSE, "overzicht"))).containsSubsequence(amsterdam.id().value(),
                rotterdamInDetention.id().value(), rotterdam.id().value());
        assertThat(ids(api.get("jeugdwerker", "/api/trajectories"))).containsExactly(
                rotterdamInDetention.id().value(), rotterdam.id().value());
        assertThat(ids(api.get("jeugdwerker", "/api/trajectories?phase=DETENTION")))
                .containsExactly(rotterdamInDetention.id().value());
        assertThat(ids(api.get("liaison", "/api/trajectories?gemeente=GM0363", PURPOSE, "overzicht")))
                .containsExactly(amsterdam.id().value());
        assertThat(ids(api.get("liaison", "/api/trajectories?neighbourhood=WK059915", PURPOSE, "overzicht")))
                .containsExactly(rotterdamInDetention.id().value());
        assertThat(ids(api.get("liaison", "/api/trajectories?caseworker=fatima", PURPOSE, "overzicht")))
                .containsExactly(rotterdam.id().value());

        Api.Response page = api.get("liaison", "/api/trajectories?focusArea=FA03&page=1&size=1", PURPOSE, "overzicht");
        assertThat(ids(page)).containsExactly(rotterdam.id().value());
        assertThat(page.body().get("total").asLong()).isEqualTo(2);
        assertThat(page.body().get("items").get(0).get("youth").get("familyName").asText()).isEqualTo("de Vries");

        assertThat(api.get("jeugdwerker", "/api/trajectories?focusArea=FA01").status()).isEqualTo(403);
        assertThat(api.get("analist", "/api/trajectories").status()).isEqualTo(403);
        assertThat(api.get("liaison", "/api/trajectories").status()).isEqualTo(400);
        Api.Response invalid = api.get("liaison", "/api/trajectories?phase=ASLEEP&size=1000&neighbourhood=WK999999", PURPOSE, "overzicht");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("phase", "size", "neighbourhood");
    }

    @Test
    void theHistoryListsEveryEntryWithCorrectionsAgainstWhatTheyCorrect() {
        Api.Response response = api.get("liaison", "/api/trajectories/" + rotterdam.id() + "/history",
                PURPOSE, "OM: beoordeling");
        assertThat(response.status()).isEqualTo(200);
        JsonNode entries = response.body().get("entries");
        assertThat(entries.findValuesAsText("type")).containsExactly("TrajectoryOpened", "CaseworkerAssigned",
                "ContactRecorded", "EntryCorrected");
        JsonNode contact = entries.get(2);
        assertThat(contact.get("note").asText()).isEqualTo("Gesprek met moeder over school");
        assertThat(contact.get("recordedAt").asText()).isEqualTo(rotterdam.recordedAt(2).toString());
        assertThat(contact.get("correctedBy").get(0).asText()).isEqualTo(rotterdam.eventId(3));
        assertThat(contact.get("correctedOccurredOn").asText()).isEqualTo("2026-03-05");
        assertThat(entries.get(3).get("correctedEventId").asText()).isEqualTo(rotterdam.eventId(2));
        assertThat(response.body().get("version").asLong()).isEqualTo(3);
    }

    @Test
    void theHistoryAsKnownAtAnInstant() {
        String path = "/api/trajectories/" + rotterdam.id() + "/history?knownAt=" + rotterdam.recordedAt(2);
        JsonNode entries = api.get("jeugdwerker", path).body().get("entries");
        assertThat(entries).hasSize(3);
        assertThat(entries.get(2).has("correctedBy")).isFalse();
        assertThat(api.get("jeugdwerker", "/api/trajectories/" + rotterdam.id() + "/history?knownAt=yesterday")
                .status()).isEqualTo(400);
    }

    @Test
    void minVersionAnswersAtOnceWhenTheViewHasItAndSaysSoWhenItDoesNot() {
        String base = "/api/trajectories/" + amsterdam.id() + "/history?minVersion=";
        JsonNode reached = api.get("jeugdwerker-ams", base + "0").body();
        assertThat(reached.get("minVersionReached").asBoolean()).isTrue();
        JsonNode notReached = api.get("jeugdwerker-ams", base + "7").body();
        assertThat(notReached.get("minVersionReached").asBoolean()).isFalse();
        assertThat(notReached.get("version").asLong()).isZero();
        assertThat(api.get("jeugdwerker", base + "0").status()).isEqualTo(403);
        assertThat(api.get("analist", "/api/trajectories/" + amsterdam.id() + "/history").status()).isEqualTo(403);
    }

    @Test
    void minVersionWaitsForAWriteThatIsStillBeingProjected() throws Exception {
        TrajectoryStory story = TrajectoryStory.opened(cipher, DEN_HAAG, LocalDate.of(2026, 6, 1));
        publish(story);
        awaitViews();
        story.then(s -> new ContactRecorded(s.id(), "TALK", LocalDate.of(2026, 6, 2), null, WORKER));
        Thread writer = new Thread(() -> eventStore.publish(story.messages().get(1)));
        writer.start();
        JsonNode body = api.get("liaison", "/api/trajectories/" + story.id() + "/history?minVersion=1", PURPOSE,
                "voortgang").body();
        writer.join();
        assertThat(body.get("minVersionReached").asBoolean()).isTrue();
        assertThat(body.get("entries")).hasSize(2);
    }

    private static List<String> ids(Api.Response response) {
        assertThat(response.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.body().get("items").forEach(item -> ids.add(item.get("trajectoryId").asText()));
        return ids;
    }
}
