package nl.koers.app;

import com.mongodb.client.MongoDatabase;
import nl.koers.platform.testing.EventTable;
import nl.koers.platform.testing.TestStores;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasure by crypto-shredding, end to end: after {@code POST /api/youths/{id}/erasure} the youth's name, birth
 * date and notes are nowhere — not in any MongoDB collection, not in the event store, not in the log output —
 * while the trajectory still replays and accepts follow-up, and the erasure is on the proof-of-destruction list.
 * Before erasure, too, the name is in no store: it exists only sealed.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = KoersApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErasureTest {
    private static final String GIVEN = "Zebediaus";
    private static final String FAMILY = "Quirinalis-Demo";
    private static final String BIRTH_DATE = "2009-07-13";
    private static final String NOTE = "Zebediaus vertelde over zijn broer";

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("koers")
    MongoDatabase mongo;
    @Autowired
    DataSource dataSource;
    KoersApi api;

    @BeforeEach
    void connect() {
        api = new KoersApi("http://127.0.0.1:" + port);
    }

    @Test
    void anErasedYouthIsUnreadableEverywhereWhileTheLogStaysReplayable(CapturedOutput output) throws Exception {
        var opened = api.open("jeugdwerker", "WK059915", GIVEN, FAMILY, BIRTH_DATE);
        assertThat(opened.status()).isEqualTo(201);
        String trajectoryId = opened.body().get("trajectoryId").asText();
        String youthId = opened.body().get("youthId").asText();
        var contact = api.post("jeugdwerker", "/api/trajectories/" + trajectoryId + "/contacts",
                "{\"kind\":\"HOME_VISIT\",\"contactOn\":\"2026-02-01\",\"note\":\"" + NOTE + "\"}");
        assertThat(contact.status()).isEqualTo(201);
        var before = api.awaitTrajectory("jeugdwerker", trajectoryId);
        assertThat(before.body().at("/youth/givenName").asText()).isEqualTo(GIVEN);
        assertNowhereInClear(output);

        var erased = api.post("beheerder", "/api/youths/" + youthId + "/erasure",
                "{\"reason\":\"verzoek van de jongere (AVG art. 17)\"}");
        assertThat(erased.status()).isEqualTo(202);
        var repeated = api.post("beheerder", "/api/youths/" + youthId + "/erasure",
                "{\"reason\":\"verzoek van de jongere (AVG art. 17)\"}");
        assertThat(repeated.status()).isEqualTo(200);

        var after = api.get("jeugdwerker", "/api/trajectories/" + trajectoryId);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body().at("/youth/erased").asBoolean()).isTrue();
        assertThat(after.body().at("/youth/givenName").isNull()).isTrue();
        assertThat(after.body().at("/youth/familyName").isNull()).isTrue();
        assertThat(after.body().at("/youth/birthDate").isNull()).isTrue();
        var history = api.get("jeugdwerker", "/api/trajectories/" + trajectoryId + "/history");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body().toString()).doesNotContain(GIVEN).doesNotContain("broer");

        // the log still replays: the aggregate loads all its events and takes a follow-up
        var followUp = api.post("jeugdwerker", "/api/trajectories/" + trajectoryId + "/contacts",
                "{\"kind\":\"PHONE\",\"contactOn\":\"2026-03-01\"}");
        assertThat(followUp.status()).isEqualTo(201);

        var list = api.awaitContaining("auditor", "/api/audit/erasures", youthId);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().toString()).contains(youthId).contains("beheerder").contains("AVG art. 17");
        assertNowhereInClear(output);
    }

    @Test
    void onlyAdministratorsEraseAndUnknownYouthsAre404() {
        var opened = api.open("jeugdwerker", "WK059915", "Kees", "Demo-Onbekend", "2012-01-02");
        String youthId = opened.body().get("youthId").asText();
        assertThat(api.post("jeugdwerker", "/api/youths/" + youthId + "/erasure", "{\"reason\":\"x\"}").status())
                .isEqualTo(403);
        assertThat(api.post("auditor", "/api/youths/" + youthId + "/erasure", "{\"reason\":\"x\"}").status())
                .isEqualTo(403);
        assertThat(api.post("beheerder", "/api/youths/" + youthId + "/erasure", "{}").status()).isEqualTo(400);
        assertThat(api.post("beheerder", "/api/youths/not-an-id/erasure", "{\"reason\":\"x\"}").status())
                .isEqualTo(400);
        assertThat(api.post("beheerder", "/api/youths/00000000-0000-4000-8000-000000000000/erasure",
                "{\"reason\":\"x\"}").status()).isEqualTo(404);
        var stillThere = api.get("jeugdwerker", "/api/trajectories/" + opened.body().get("trajectoryId").asText());
        assertThat(stillThere.body().at("/youth/erased").asBoolean()).isFalse();
    }

    private void assertNowhereInClear(CapturedOutput output) {
        List<String> mongoDocuments = new ArrayList<>();
        for (String collection : mongo.listCollectionNames()) {
            mongo.getCollection(collection).find()
                    .forEach((Consumer<Document>) d -> mongoDocuments.add(collection + " " + d.toJson()));
        }
        assertThat(mongoDocuments).isNotEmpty();
        assertThat(String.join("\n", mongoDocuments))
                .doesNotContain(GIVEN).doesNotContain(FAMILY).doesNotContain(BIRTH_DATE).doesNotContain("broer");

        List<String> stored = new EventTable(dataSource).all().stream()
                .map(event -> event.payload() + " " + (event.metaData() == null ? "" : event.metaData())).toList();
        assertThat(stored).isNotEmpty();
        assertThat(String.join("\n", stored))
                .doesNotContain(GIVEN).doesNotContain(FAMILY).doesNotContain(BIRTH_DATE).doesNotContain("broer");

        assertThat(output.getAll()).doesNotContain(GIVEN).doesNotContain(FAMILY).doesNotContain("broer");
    }
}
