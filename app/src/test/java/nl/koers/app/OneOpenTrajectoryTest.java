package nl.koers.app;

import com.fasterxml.jackson.databind.JsonNode;
import nl.koers.platform.testing.TestStores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One open trajectory per youth cannot be sidestepped by leaving out the BSN, changing the letter case or slipping
 * an invisible character into a name; a namesake with another BSN is another youth. A refusal tells the trajectory
 * only to a caller who works in its area, and the attempt of anyone else is in the access log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(classes = KoersApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OneOpenTrajectoryTest {
    private static final String ROTTERDAM = "WK059912";
    private static final String AMSTERDAM = "WK0363TA";

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry);
    }

    @LocalServerPort
    int port;
    KoersApi api;

    @BeforeAll
    void client() {
        api = new KoersApi("http://127.0.0.1:" + port);
    }

    private KoersApi.Answer open(String user, String wijk, String givenName, String familyName, String birthDate,
                                 String bsn) {
        String youth = "\"givenName\":\"%s\",\"familyName\":\"%s\",\"birthDate\":\"%s\"%s".formatted(givenName,
                familyName, birthDate, bsn == null ? "" : ",\"bsn\":\"" + bsn + "\"");
        return api.post(user, "/api/trajectories", """
                {"neighbourhood":"%s","openedOn":"2026-01-15","referral":{"source":"SCHOOL","reason":"verzuim"},
                 "youth":{%s}}""".formatted(wijk, youth));
    }

    @Test
    void aYouthOpenedWithABsnIsFoundWithoutIt() {
        assertThat(open("jeugdwerker", ROTTERDAM, "Daan", "Demo-Nummer", "2011-01-01", "200000007").status())
                .isEqualTo(201);
        assertThat(open("jeugdwerker", ROTTERDAM, "Daan", "Demo-Nummer", "2011-01-01", null).status())
                .isEqualTo(409);
    }

    @Test
    void aYouthOpenedWithoutABsnIsFoundWithIt() {
        assertThat(open("jeugdwerker", ROTTERDAM, "Lotte", "Demo-Later", "2011-02-02", null).status()).isEqualTo(201);
        assertThat(open("jeugdwerker", ROTTERDAM, "Lotte", "Demo-Later", "2011-02-02", "200000019").status())
                .isEqualTo(409);
    }

    @Test
    void letterCaseInvisibleCharactersAndCompatibilityFormsDoNotMakeAnotherYouth() {
        assertThat(open("jeugdwerker", ROTTERDAM, "Ijsbrand", "Demo-Spelling", "2011-03-03", null).status())
                .isEqualTo(201);
        assertThat(open("jeugdwerker", ROTTERDAM, "IJSBRAND", "Demo-Spelling", "2011-03-03", null).status())
                .isEqualTo(409);
        assertThat(open("jeugdwerker", ROTTERDAM, "Ijs\\u200Bbrand", "Demo-Spelling", "2011-03-03", null).status())
                .isEqualTo(409);
        assertThat(open("jeugdwerker", ROTTERDAM, "\\u0132sbrand", "Demo-Spelling", "2011-03-03", null).status())
                .isEqualTo(409);
        assertThat(open("jeugdwerker", ROTTERDAM, "Anne Sophie", "Demo-Spatie", "2011-03-04", null).status())
                .isEqualTo(201);
        assertThat(open("jeugdwerker", ROTTERDAM, "anne\\u00A0 sophie", "Demo-Spatie", "2011-03-04", null).status())
                .isEqualTo(409);
        assertThat(open("jeugdwerker", ROTTERDAM, "Ijsbrand", "Demo-Spelling\\uFEFF", "2011-03-03", null).status())
                .isEqualTo(409);
    }

    @Test
    void aNamesakeWithAnotherBsnIsAnotherYouth() {
        assertThat(open("jeugdwerker", ROTTERDAM, "Noah", "Demo-Naamgenoot", "2011-04-04", "200000032").status())
                .isEqualTo(201);
        assertThat(open("jeugdwerker", ROTTERDAM, "Noah", "Demo-Naamgenoot", "2011-04-04", "200000044").status())
                .isEqualTo(201);
    }

    @Test
    void aRefusalNamesTheOpenTrajectoryOnlyToACallerInItsArea() throws Exception {
        var first = open("jeugdwerker", ROTTERDAM, "Mila", "Demo-Elders", "2011-05-05", null);
        assertThat(first.status()).isEqualTo(201);
        String trajectory = first.body().get("trajectoryId").asText();

        var sameArea = open("jeugdwerker", ROTTERDAM, "Mila", "Demo-Elders", "2011-05-05", null);
        assertThat(sameArea.status()).isEqualTo(409);
        assertThat(sameArea.body().toString()).contains(trajectory);

        var elsewhere = open("jeugdwerker-ams", AMSTERDAM, "Mila", "Demo-Elders", "2011-05-05", null);
        assertThat(elsewhere.status()).isEqualTo(409);
        assertThat(elsewhere.body().toString()).doesNotContain(trajectory).doesNotContain("FA03")
                .doesNotContain(first.body().get("youthId").asText());

        JsonNode log = api.get("auditor", "/api/audit/access-log?trajectoryId=" + trajectory).body();
        List<JsonNode> attempts = new ArrayList<>();
        log.get("entries").forEach(entry -> {
            if (entry.get("user").asText().equals("jeugdwerker-ams")) {
                attempts.add(entry);
            }
        });
        assertThat(attempts).singleElement().satisfies(entry -> {
            assertThat(entry.get("outcome").asText()).isEqualTo("REFUSED");
            assertThat(entry.get("status").asInt()).isEqualTo(409);
        });
    }
}
