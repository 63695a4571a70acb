package nl.koers.query.api;

import com.fasterxml.jackson.databind.JsonNode;
import nl.koers.events.privacy.YouthPersonalDataErased;
import nl.koers.platform.crypto.YouthKeyStore;
import nl.koers.query.testing.Api;
import nl.koers.query.testing.IntegrationTest;
import nl.koers.query.testing.TrajectoryStory;
import nl.koers.query.testing.TrajectoryStory.Youth;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/trajectories?q=}: youths found by part of a name (accents ignored), birth date or BSN, only
 * within the caller's scope, never after erasure, best match first, every row in the access log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiTest extends IntegrationTest {
    private static final String PURPOSE = "X-Purpose";
    private static final LocalDate OPENED = LocalDate.of(2026, 3, 2);
    @Autowired
    YouthKeyStore keys;
    private Api api;
    private TrajectoryStory ozturk;
    private TrajectoryStory ozturkInAmsterdam;
    private TrajectoryStory erased;
    private TrajectoryStory deGroot;
    private TrajectoryStory grootveld;
    private TrajectoryStory hoogegroot;

    @BeforeAll
    void publishYouths() {
        api = api();
        ozturk = TrajectoryStory.opened(cipher, "WK059910", OPENED, new Youth("Emre", "Öztürk", "2010-05-01",
                "111222333"));
        ozturkInAmsterdam = TrajectoryStory.opened(cipher, "WK0363TA", OPENED, new Youth("Emre", "Öztürk",
                "2010-05-01", null));
        erased = TrajectoryStory.opened(cipher, "WK059915", OPENED, new Youth("Erik", "Ozturk", "2009-01-01",
                "123456782"));
        deGroot = TrajectoryStory.opened(cipher, "WK059910", OPENED, new Youth("Sem", "de Groot", "2012-01-01",
                null));
        grootveld = TrajectoryStory.opened(cipher, "WK059912", OPENED.plusDays(1), new Youth("Ayla", "Grootveld",
                "2012-02-02", null));
        hoogegroot = TrajectoryStory.opened(cipher, "WK059915", OPENED.plusDays(2), new Youth("Noor", "Hoogegroot",
                "2012-03-03", null));
        publish(ozturk, ozturkInAmsterdam, erased, deGroot, grootveld, hoogegroot);
        awaitViews();
        keys.destroy(erased.youth());
        eventStore.publish(GenericEventMessage.asEventMessage(new YouthPersonalDataErased(erased.youth(),
                "verzoek van de jongere", "beheerder")));
        awaitViews();
    }

    @Test
    void partOfANameFindsTheYouthWhateverTheAccentsOrCase() {
        assertThat(ids(api.get("jeugdwerker", "/api/trajectories?q=ozturk"))).containsExactly(ozturk.id().value());
        assertThat(ids(api.get("jeugdwerker", "/api/trajectories?q=%C3%96ZT%C3%9CRK"))).containsExactly(
                ozturk.id().value());
        assertThat(ids(api.get("jeugdwerker", "/api/trajectories?q=emre%20zt"))).containsExactly(ozturk.id().value());
        Api.Response row = api.get("jeugdwerker", "/api/trajectories?q=ozt");
        assertThat(row.body().get("total").asLong()).isEqualTo(1);
        JsonNode summary = row.body().get("items").get(0);
        assertThat(summary.at("/youth/familyName").asText()).isEqualTo("Öztürk");
        assertThat(summary.get("phase").asText()).isEqualTo("PREVENTION");
    }

    @Test
    void aBirthDateInEitherFormAndABsnExactly() {
        assertThat(ids(api.get("jeugdwerker", "/api/trajectories?q=2010-05-01"))).containsExactly(ozturk.id().value());
        assertThat(ids(api.get("jeugdwerker", "/api/trajectories?q=01-05-2010"))).containsExactly(ozturk.id().value());
        assertThat(ids(api.get("jeugdwerker", "/api/trajectories?q=111222333"))).containsExactly(ozturk.id().value());
        assertThat(ids(api.get("jeugdwerker", "/api/trajectories?q=2010-05-02"))).isEmpty();
    }

    @Test
    void onlyTrajectoriesTheCallerMaySeeAreFound() {
        assertThat(ids(api.get("jeugdwerker-ams", "/api/trajectories?q=ozturk"))).containsExactly(
                ozturkInAmsterdam.id().value());
        assertThat(ids(api.get("liaison", "/api/trajectories?q=ozturk", PURPOSE, "OM: voorgeleiding")))
                .containsExactlyInAnyOrder(ozturk.id().value(), ozturkInAmsterdam.id().value());
        assertThat(api.get("jeugdwerker", "/api/trajectories?q=ozturk&focusArea=FA01").status()).isEqualTo(403);
        assertThat(api.get("analist", "/api/trajectories?q=ozturk").status()).isEqualTo(403);
        Api.Response withoutPurpose = api.get("liaison", "/api/trajectories?q=ozturk");
        assertThat(withoutPurpose.status()).isEqualTo(400);
        assertThat(withoutPurpose.body().get("errors").get(0).get("field").asText()).isEqualTo(PURPOSE);
    }

    @Test
    void anErasedYouthIsNeverFound() {
        assertThat(ids(api.get("liaison", "/api/trajectories?q=erik", PURPOSE, "controle"))).isEmpty();
        assertThat(ids(api.get("liaison", "/api/trajectories?q=2009-01-01", PURPOSE, "controle"))).isEmpty();
        assertThat(ids(api.get("liaison", "/api/trajectories?q=123456782", PURPOSE, "controle"))).isEmpty();
    }

    @Test
    void theBestMatchComesFirst() {
        assertThat(ids(api.get("jeugdwerker", "/api/trajectories?q=groot"))).containsExactly(deGroot.id().value(),
                grootveld.id().value(), hoogegroot.id().value());
        assertThat(ids(api.get("jeugdwerker", "/api/trajectories?q=groot&page=1&size=1")))
                .containsExactly(grootveld.id().value());
        assertThat(ids(api.get("jeugdwerker", "/api/trajectories?q=groot&neighbourhood=WK059912")))
                .containsExactly(grootveld.id().value());
    }

    @Test
    void everyRowFoundIsInTheAccessLog() {
        api.get("liaison", "/api/trajectories?q=hoogegroot", PURPOSE, "Raad voor de Kinderbescherming");
        JsonNode entries = api.get("auditor", "/api/audit/access-log?trajectoryId=" + hoogegroot.id())
                .body().get("entries");
        List<String> searches = new ArrayList<>();
        entries.forEach(entry -> {
            if ("SEARCH".equals(entry.get("action").asText()) && "liaison".equals(entry.get("user").asText())) {
                searches.add(entry.get("purpose").asText());
            }
        });
        assertThat(searches).contains("Raad voor de Kinderbescherming");
    }

    @Test
    void whatIsNotANameDateOrBsnIsRefusedWithoutRepeatingIt() {
        Api.Response invalid = api.get("jeugdwerker", "/api/trajectories?q=123456789");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("errors").get(0).get("field").asText()).isEqualTo("q");
        assertThat(invalid.body().toString()).doesNotContain("123456789").contains("YYYY-MM-DD or DD-MM-YYYY");
        assertThat(api.get("jeugdwerker", "/api/trajectories?q=x").status()).isEqualTo(400);
    }

    private static List<String> ids(Api.Response response) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.body().get("items").forEach(item -> ids.add(item.get("trajectoryId").asText()));
        return ids;
    }
}
