package nl.koers.query.api;

import com.fasterxml.jackson.databind.JsonNode;
import nl.koers.events.common.InterventionId;
import nl.koers.events.contact.ContactRecorded;
import nl.koers.events.detention.DetentionStarted;
import nl.koers.events.detention.DetentionType;
import nl.koers.events.detention.NetworkMeetingHeld;
import nl.koers.events.intervention.InterventionPlanned;
import nl.koers.events.trajectory.CaseworkerAssigned;
import nl.koers.platform.testing.MutableClock;
import nl.koers.query.QueryTestApplication;
import nl.koers.query.testing.Api;
import nl.koers.query.testing.IntegrationTest;
import nl.koers.query.testing.TrajectoryStory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static nl.koers.query.testing.TrajectoryStory.WORKER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/worklist}: the signals of the trajectories in scope, most urgent first, derived from dates when
 * read, so they move with the calendar without any event; the caseload counts the same signals. "Today" is
 * 2026-06-15 unless a test moves the clock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorklistApiTest extends IntegrationTest {
    private static final String FA03 = "/api/worklist?focusArea=FA03";
    @Autowired
    MutableClock clock;
    private Api api;
    private TrajectoryStory detained;
    private TrajectoryStory quiet;
    private TrajectoryStory planned;
    private TrajectoryStory amsterdam;

    @BeforeAll
    void publishTrajectories() {
        api = api();
        detained = TrajectoryStory.opened(cipher, "WK059910", LocalDate.of(2026, 5, 1))
                .then(s -> new CaseworkerAssigned(s.id(), "jeugdwerker", LocalDate.of(2026, 5, 1), WORKER))
                .then(s -> new ContactRecorded(s.id(), "TALK", LocalDate.of(2026, 6, 1), null, WORKER))
                .then(s -> new DetentionStarted(s.id(), DetentionType.PRE_TRIAL, "JJI Teylingereind",
                        LocalDate.of(2026, 6, 8), WORKER));
        quiet = TrajectoryStory.opened(cipher, "WK059915", LocalDate.of(2026, 4, 1))
                .then(s -> new CaseworkerAssigned(s.id(), "fatima", LocalDate.of(2026, 4, 1), WORKER));
        planned = TrajectoryStory.opened(cipher, "WK059912", LocalDate.of(2026, 6, 1))
                .then(s -> new InterventionPlanned(s.id(), InterventionId.newId(), "DEBT_HELP",
                        LocalDate.of(2026, 6, 10), WORKER));
        amsterdam = TrajectoryStory.opened(cipher, "WK0363TA", LocalDate.of(2026, 1, 1));
        publish(detained, quiet, planned, amsterdam);
        awaitViews();
    }

    @AfterEach
    void backToToday() {
        clock.set(QueryTestApplication.NOW);
    }

    @Test
    void theSignalsOfTheAreaMostUrgentFirstWithTheYouthNamed() {
        JsonNode worklist = worklist("jeugdwerker", FA03);
        assertThat(worklist.get("asOf").asText()).isEqualTo("2026-06-15");
        assertThat(rows(worklist)).containsExactly(
                quiet.id() + " NO_CONTACT_30_DAYS 2026-05-01",
                planned.id() + " INTERVENTION_NOT_STARTED 2026-06-10",
                detained.id() + " NETWORK_MEETING_DUE 2026-06-15");
        assertThat(worklist.get("items").get(0).at("/youth/givenName").asText()).isEqualTo("Sem");
        assertThat(worklist.get("total").asLong()).isEqualTo(3);
        assertThat(rows(worklist("jeugdwerker-ams", "/api/worklist"))).containsExactly(
                amsterdam.id() + " NO_CONTACT_30_DAYS 2026-01-31");
    }

    @Test
    void aMeetingBecomesOverdueOnTheEighthDayWithoutAnyEventAndHoldingItClearsTheSignal() {
        TrajectoryStory inCustody = TrajectoryStory.opened(cipher, "WK059910", LocalDate.of(2026, 6, 1))
                .then(s -> new DetentionStarted(s.id(), DetentionType.PIJ, "JJI Den Hey-Acker",
                        LocalDate.of(2026, 6, 8), WORKER));
        publish(inCustody);
        awaitViews();
        long overdueBefore = caseload().get("overdueNetworkMeetings").asLong();
        assertThat(rows(worklist("jeugdwerker", FA03))).contains(inCustody.id() + " NETWORK_MEETING_DUE 2026-06-15");

        clock.set(Instant.parse("2026-06-16T10:00:00Z"));
        assertThat(rows(worklist("jeugdwerker", FA03))).contains(
                inCustody.id() + " NETWORK_MEETING_OVERDUE 2026-06-15");
        assertThat(caseload().get("overdueNetworkMeetings").asLong()).isEqualTo(overdueBefore + 2);

        inCustody.then(s -> new NetworkMeetingHeld(s.id(), LocalDate.of(2026, 6, 16), WORKER));
        eventStore.publish(inCustody.messages().get(2));
        awaitViews();
        assertThat(rows(worklist("jeugdwerker", FA03))).noneMatch(row -> row.startsWith(inCustody.id().value()));
        assertThat(caseload().get("overdueNetworkMeetings").asLong()).isEqualTo(overdueBefore + 1);
    }

    @Test
    void theCaseloadCountsWhatTheWorklistShows() {
        for (String day : List.of("2026-06-15T10:00:00Z", "2026-07-02T10:00:00Z", "2026-08-01T10:00:00Z")) {
            clock.set(Instant.parse(day));
            List<String> rows = rows(worklist("jeugdwerker", FA03 + "&size=100"));
            JsonNode caseload = caseload();
            assertThat(caseload.get("withoutContact30Days").asLong()).as(day)
                    .isEqualTo(rows.stream().filter(row -> row.contains(" NO_CONTACT_30_DAYS ")).count());
            assertThat(caseload.get("overdueNetworkMeetings").asLong()).as(day)
                    .isEqualTo(rows.stream().filter(row -> row.contains(" NETWORK_MEETING_OVERDUE ")).count());
        }
        clock.set(Instant.parse("2026-08-01T10:00:00Z"));
        assertThat(caseload().get("withoutContact30Days").asLong()).as("everyone, by August")
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void myCasesAreTheOnesIAmTheCaseworkerOf() {
        assertThat(rows(worklist("jeugdwerker", "/api/worklist?caseworker=me"))).containsExactly(
                detained.id() + " NETWORK_MEETING_DUE 2026-06-15");
        assertThat(ids(api.get("jeugdwerker", "/api/trajectories?caseworker=me"))).containsExactly(
                detained.id().value());
    }

    @Test
    void whoMayReadAWorklistAndEveryRowIsLogged() {
        assertThat(api.get("analist", FA03).status()).isEqualTo(403);
        assertThat(api.get("auditor", FA03).status()).isEqualTo(403);
        assertThat(api.get("jeugdwerker-ams", FA03).status()).isEqualTo(403);
        assertThat(api.get("liaison", FA03).status()).isEqualTo(400);
        assertThat(api.get("liaison", FA03, "X-Purpose", "zorgoverleg").status()).isEqualTo(200);
        assertThat(api.get("jeugdwerker", "/api/worklist?focusArea=FA99").status()).isEqualTo(400);
        JsonNode log = api.get("auditor", "/api/audit/access-log?trajectoryId=" + planned.id()).body();
        List<String> actions = new ArrayList<>();
        log.get("entries").forEach(entry -> actions.add(entry.get("user").asText() + " "
                + entry.get("action").asText()));
        assertThat(actions).contains("jeugdwerker WORKLIST", "liaison WORKLIST");
    }

    private JsonNode worklist(String user, String path) {
        Api.Response response = api.get(user, path);
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
        return response.body();
    }

    private JsonNode caseload() {
        Api.Response response = api.get("jeugdwerker", "/api/caseload?focusArea=FA03");
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private static List<String> rows(JsonNode worklist) {
        List<String> rows = new ArrayList<>();
        worklist.get("items").forEach(item -> rows.add(item.get("trajectoryId").asText() + " "
                + item.get("signal").asText() + " " + item.get("dueOn").asText()));
        return rows;
    }

    private static List<String> ids(Api.Response response) {
        assertThat(response.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.body().get("items").forEach(item -> ids.add(item.get("trajectoryId").asText()));
        return ids;
    }
}
