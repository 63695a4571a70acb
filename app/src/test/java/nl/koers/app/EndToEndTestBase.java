package nl.koers.app;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The walking skeleton end to end: HTTP → command side → event store → query side → MongoDB → HTTP. */
abstract class EndToEndTestBase {
    @LocalServerPort
    int port;
    KoersApi api;

    @BeforeEach
    void connect() {
        api = new KoersApi("http://127.0.0.1:" + port);
    }

    @Test
    void anOpenedTrajectoryCanBeReadBackWithItsYouthAndArea() throws Exception {
        var opened = api.open("jeugdwerker", "WK059910", "Sem", "de Vries", "2011-03-04");
        assertThat(opened.status()).isEqualTo(201);
        String id = opened.body().get("trajectoryId").asText();
        assertThat(opened.location()).isEqualTo("/api/trajectories/" + id);
        assertThat(opened.body().get("version").asLong()).as("the opening and its caseworker").isEqualTo(1);

        // the opening and the caseworker's assignment may reach the summary in two batches: read version 1
        var read = api.awaitTrajectory("jeugdwerker", id, opened.body().get("version").asLong());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("youthId").asText()).isEqualTo(opened.body().get("youthId").asText());
        assertThat(read.body().at("/youth/givenName").asText()).isEqualTo("Sem");
        assertThat(read.body().at("/youth/birthDate").asText()).isEqualTo("2011-03-04");
        assertThat(read.body().get("neighbourhood").asText()).isEqualTo("WK059910");
        assertThat(read.body().get("focusArea").asText()).isEqualTo("FA03");
        assertThat(read.body().get("phase").asText()).isEqualTo("PREVENTION");
        assertThat(read.body().get("openedOn").asText()).isEqualTo("2026-01-15");
        assertThat(read.body().get("caseworker").asText()).as("the opener").isEqualTo("jeugdwerker");
    }

    @Test
    void withoutCredentialsTheApiAnswers401AsProblemDetails() {
        var answer = api.get(null, "/api/trajectories/00000000-0000-0000-0000-000000000000");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body().get("status").asInt()).isEqualTo(401);
    }

    @Test
    void healthReportsTheEventStoreAndMongoDbToAnAdministrator() {
        assertThat(api.get(null, "/actuator/health").body().toString()).isEqualTo("{\"status\":\"UP\"}");
        var health = api.get("beheerder", "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.body().at("/components/mongo/status").asText()).isEqualTo("UP");
    }
}
