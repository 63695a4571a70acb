package nl.koers.app;

import nl.koers.platform.testing.TestStores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every role against every endpoint, on one trajectory in FA03 (Rotterdam-Zuid). A role that may use an endpoint
 * gets its answer; every other role gets 403 — including a youth worker from Amsterdam who guesses the id of a
 * Rotterdam trajectory — and nobody without credentials gets past 401. Refusals land in the access log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(classes = KoersApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessMatrixTest {

    enum Who {
        WORKER("jeugdwerker"), WORKER_ELSEWHERE("jeugdwerker-ams"), LIAISON("liaison"), AUDITOR("auditor"),
        ANALYST("analist"), ADMIN("beheerder"), NOBODY(null);

        final String user;

        Who(String user) {
            this.user = user;
        }
    }

    record Endpoint(String method, String path, String body, Set<Who> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Set<Who> WORKER_ONLY = EnumSet.of(Who.WORKER);
    private static final Set<Who> INDIVIDUAL_READERS = EnumSet.of(Who.WORKER, Who.LIAISON);
    private static final Set<Who> AGGREGATE_READERS = EnumSet.of(Who.WORKER, Who.ANALYST);
    private static final Set<Who> EVERY_ROLE = EnumSet.complementOf(EnumSet.of(Who.NOBODY));

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry);
    }

    @LocalServerPort
    int port;
    KoersApi api;
    String trajectory;
    String youth;

    @BeforeAll
    void openATrajectoryInRotterdamZuid() throws Exception {
        api = new KoersApi("http://127.0.0.1:" + port);
        var opened = api.open("jeugdwerker", "WK059910", "Matrix", "Demo-Toegang", "2011-06-06");
        trajectory = opened.body().get("trajectoryId").asText();
        youth = opened.body().get("youthId").asText();
        api.awaitTrajectory("jeugdwerker", trajectory);
    }

    private List<Endpoint> endpoints() {
        String t = "/api/trajectories/" + trajectory;
        List<Endpoint> list = new ArrayList<>(List.of(
                new Endpoint("POST", "/api/trajectories", """
                        {"neighbourhood":"WK059912","openedOn":"2026-02-01","referral":{"source":"SCHOOL","reason":"x"},
                         "youth":{"givenName":"Ander","familyName":"Demo-Toegang","birthDate":"2012-02-02"}}""",
                        WORKER_ONLY),
                new Endpoint("POST", t + "/contacts", "{\"kind\":\"TALK\",\"contactOn\":\"2026-02-02\"}", WORKER_ONLY),
                new Endpoint("POST", t + "/police-contacts", "{\"kind\":\"WARNING\",\"on\":\"2026-02-03\"}", WORKER_ONLY),
                new Endpoint("POST", t + "/assessments", """
                        {"assessedOn":"2026-02-04","domains":{"SCHOOL":"HIGH"},"overall":"MEDIUM"}""", WORKER_ONLY),
                new Endpoint("POST", t + "/caseworker", "{\"caseworker\":\"jeugdwerker-ams\",\"assignedOn\":\"2026-02-04\"}",
                        WORKER_ONLY),
                new Endpoint("POST", t + "/interventions", "{\"type\":\"STREET_COACHING\",\"startedOn\":\"2026-02-05\"}",
                        WORKER_ONLY),
                new Endpoint("POST", t + "/interventions/planned", "{\"type\":\"DEBT_HELP\",\"plannedOn\":\"2026-02-05\"}",
                        WORKER_ONLY),
                new Endpoint("POST", t + "/basic-conditions",
                        "{\"condition\":\"ID\",\"status\":\"MET\",\"assessedOn\":\"2026-02-06\"}", WORKER_ONLY),
                new Endpoint("POST", t + "/outcomes", "{\"kind\":\"SCHOOL_ENROLMENT\",\"achievedOn\":\"2026-02-06\"}",
                        WORKER_ONLY),
                new Endpoint("POST", t + "/detentions",
                        "{\"type\":\"PRE_TRIAL\",\"facility\":\"JJI Teylingereind\",\"startedOn\":\"2026-02-07\"}",
                        WORKER_ONLY),
                new Endpoint("POST", t + "/detentions/current/network-meeting", "{\"heldOn\":\"2026-02-08\"}", WORKER_ONLY),
                new Endpoint("POST", t + "/detentions/current/perspectiefplan",
                        "{\"setOn\":\"2026-02-09\",\"summary\":\"school\"}", WORKER_ONLY),
                new Endpoint("POST", t + "/detentions/current/trajectory-meeting", "{\"heldOn\":\"2026-02-10\"}",
                        WORKER_ONLY),
                new Endpoint("POST", t + "/detentions/current/stp", "{\"startedOn\":\"2026-02-11\"}", WORKER_ONLY),
                new Endpoint("POST", t + "/detentions/current/end",
                        "{\"endedOn\":\"2026-02-12\",\"reason\":\"SENTENCE_SERVED\"}", WORKER_ONLY),
                new Endpoint("POST", t + "/transfer", "{\"neighbourhood\":\"WK059915\",\"transferredOn\":\"2026-02-13\"}",
                        WORKER_ONLY),
                new Endpoint("POST", t + "/close", "{\"closedOn\":\"2026-02-14\",\"reason\":\"GOALS_REACHED\"}",
                        WORKER_ONLY),
                new Endpoint("GET", t, null, INDIVIDUAL_READERS),
                new Endpoint("GET", t + "/history", null, INDIVIDUAL_READERS),
                new Endpoint("GET", "/api/trajectories?focusArea=FA03", null, INDIVIDUAL_READERS),
                new Endpoint("GET", "/api/trajectories?q=Matrix&focusArea=FA03", null, INDIVIDUAL_READERS),
                new Endpoint("GET", "/api/worklist?focusArea=FA03", null, INDIVIDUAL_READERS),
                new Endpoint("GET", "/api/caseload?focusArea=FA03", null, AGGREGATE_READERS),
                new Endpoint("GET", "/api/outcomes?focusArea=FA03&cohort=2026", null, AGGREGATE_READERS),
                new Endpoint("GET", "/api/reference/focus-areas", null, EVERY_ROLE),
                new Endpoint("GET", "/api/reference/neighbourhoods?gemeente=GM0599", null, EVERY_ROLE),
                new Endpoint("GET", "/api/reference/catalogues", null, EVERY_ROLE),
                new Endpoint("GET", "/api/audit/events?fromPosition=0&limit=10", null, EnumSet.of(Who.AUDITOR)),
                new Endpoint("GET", "/api/audit/head", null, EnumSet.of(Who.AUDITOR)),
                new Endpoint("GET", "/api/audit/access-log?trajectoryId=" + trajectory, null, EnumSet.of(Who.AUDITOR)),
                new Endpoint("GET", "/api/audit/access-log/export?limit=10", null, EnumSet.of(Who.AUDITOR)),
                new Endpoint("GET", "/api/audit/erasures", null, EnumSet.of(Who.AUDITOR, Who.ADMIN)),
                new Endpoint("GET", "/api/admin/views", null, EnumSet.of(Who.ADMIN)),
                new Endpoint("GET", "/api/admin/dead-letters", null, EnumSet.of(Who.ADMIN))));
        // last: erasure (administrators only) makes the youth unreadable
        list.add(new Endpoint("POST", "/api/youths/" + youth + "/erasure", "{\"reason\":\"matrixtest\"}",
                EnumSet.of(Who.ADMIN)));
        return list;
    }

    @TestFactory
    Stream<DynamicTest> everyRoleAgainstEveryEndpoint() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Who who : Who.values()) {
                tests.add(dynamicTest(endpoint + " as " + who, () -> {
                    int status = call(endpoint, who);
                    if (who == Who.NOBODY) {
                        assertThat(status).as("%s without credentials", endpoint).isEqualTo(401);
                    } else if (endpoint.allowed().contains(who)) {
                        assertThat(status).as("%s as %s", endpoint, who).isBetween(200, 299);
                    } else {
                        assertThat(status).as("%s as %s", endpoint, who).isEqualTo(403);
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void aLiaisonMustStateAPurpose() {
        var without = api.get("liaison", "/api/trajectories/" + trajectory);
        assertThat(without.status()).isEqualTo(400);
        assertThat(without.body().toString()).contains("X-Purpose");
    }

    @Test
    void guessingAnIdInAnotherAreaIsRefusedAndLogged() {
        assertThat(api.get("jeugdwerker-ams", "/api/trajectories/" + trajectory).status()).isEqualTo(403);
        assertThat(api.post("jeugdwerker-ams", "/api/trajectories/" + trajectory + "/contacts",
                "{\"kind\":\"TALK\",\"contactOn\":\"2026-02-02\"}").status()).isEqualTo(403);
        var log = api.get("auditor", "/api/audit/access-log?trajectoryId=" + trajectory);
        assertThat(log.status()).isEqualTo(200);
        List<String> refusals = new ArrayList<>();
        log.body().get("entries").forEach(e -> {
            if (e.get("user").asText().equals("jeugdwerker-ams") && e.get("outcome").asText().equals("REFUSED")) {
                refusals.add(e.get("action").asText());
            }
        });
        assertThat(refusals).anyMatch(a -> a.startsWith("GET")).anyMatch(a -> a.startsWith("POST"));
    }

    private int call(Endpoint endpoint, Who who) {
        String[] headers = who == Who.LIAISON ? new String[]{"X-Purpose", "matrixtest: rechtmatigheid"} : new String[0];
        if (endpoint.method().equals("GET")) {
            return api.get(who.user, endpoint.path(), headers).status();
        }
        return api.post(who.user, endpoint.path(), endpoint.body(), headers).status();
    }
}
