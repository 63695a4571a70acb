package nl.koers.app;

import nl.koers.command.privacy.RetentionPolicy;
import nl.koers.events.common.YouthId;
import nl.koers.platform.testing.MutableClock;
import nl.koers.platform.testing.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention as configuration (here 2 years after the last trajectory closed), run with a clock the test moves:
 * a youth is erased only once every trajectory of theirs has been closed for longer than the rule says.
 */
@SpringBootTest(classes = {KoersApplication.class, RetentionTest.Clocks.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "koers.retention.erase-after-closed-years=2")
class RetentionTest {
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    RetentionPolicy retention;
    KoersApi api;

    @BeforeEach
    void connect() {
        api = new KoersApi("http://127.0.0.1:" + port);
    }

    @Test
    void youthsAreErasedOnlyWhenTheirLastTrajectoryClosedLongerAgoThanTheRule() throws Exception {
        CLOCK.set(Instant.parse("2026-06-01T10:00:00Z"));
        var closedEarly = api.open("jeugdwerker", "WK059910", "Bas", "Demo-Bewaar", "2010-02-02");
        var stillOpen = api.open("jeugdwerker", "WK059910", "Ids", "Demo-Bewaar", "2011-03-03");
        String closedId = closedEarly.body().get("trajectoryId").asText();
        assertThat(api.post("jeugdwerker", "/api/trajectories/" + closedId + "/close",
                "{\"closedOn\":\"2026-05-31\",\"reason\":\"GOALS_REACHED\"}").status()).isEqualTo(201);
        api.awaitTrajectory("jeugdwerker", stillOpen.body().get("trajectoryId").asText());

        CLOCK.set(LocalDate.of(2028, 5, 30).atStartOfDay().toInstant(ZoneOffset.UTC));
        assertThat(awaitRetentionRun(0)).isEmpty();

        CLOCK.set(LocalDate.of(2028, 6, 2).atStartOfDay().toInstant(ZoneOffset.UTC));
        List<YouthId> erased = awaitRetentionRun(1);
        assertThat(erased).extracting(YouthId::value).containsExactly(closedEarly.body().get("youthId").asText());

        var summary = api.get("jeugdwerker", "/api/trajectories/" + closedId);
        assertThat(summary.body().at("/youth/erased").asBoolean()).isTrue();
        var open = api.get("jeugdwerker", "/api/trajectories/" + stillOpen.body().get("trajectoryId").asText());
        assertThat(open.body().at("/youth/givenName").asText()).isEqualTo("Ids");
        var list = api.awaitContaining("auditor", "/api/audit/erasures", "retention-policy");
        assertThat(list.body().toString()).contains("retention-policy");
    }

    /** The retention tracker follows the event stream; give it a moment to see the events of this test. */
    private List<YouthId> awaitRetentionRun(int expected) throws InterruptedException {
        List<YouthId> erased = retention.eraseExpired();
        for (int i = 0; i < 50 && erased.size() < expected; i++) {
            Thread.sleep(100);
            erased = retention.eraseExpired();
        }
        return erased;
    }
}
