package nl.koers.query.operations;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import nl.koers.events.contact.ContactRecorded;
import nl.koers.query.testing.Api;
import nl.koers.query.testing.IntegrationTest;
import nl.koers.query.testing.TrajectoryStory;
import nl.koers.querytests.poison.PoisonProjection;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import java.time.LocalDate;

import static nl.koers.query.testing.TrajectoryStory.WORKER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A handler that fails parks the event (and the rest of that trajectory's events) in its processing group's
 * dead-letter queue, on the pooled streaming processors the platform configures; everything else goes on. An
 * administrator lists, retries after the fix, and evicts.
 */
@Import(PoisonProjection.class)
class DeadLetterTest extends IntegrationTest {
    private static final String LETTERS = "/api/admin/dead-letters?processingGroup=" + PoisonProjection.GROUP;
    @Autowired
    PoisonProjection poison;
    @Autowired
    MeterRegistry meters;

    private TrajectoryStory withContacts(String wijk, String... kinds) {
        TrajectoryStory story = TrajectoryStory.opened(cipher, wijk, LocalDate.of(2026, 5, 1));
        for (String kind : kinds) {
            story.then(s -> new ContactRecorded(s.id(), kind, LocalDate.of(2026, 5, 2), null, WORKER));
        }
        return story;
    }

    @Test
    void aFailingEventIsParkedWithItsSequenceOthersGoOnAndARetryAfterTheFixProcessesIt() {
        assertThat(processing.eventProcessor(PoisonProjection.GROUP).orElseThrow())
                .isInstanceOf(PooledStreamingEventProcessor.class);
        TrajectoryStory poisoned = withContacts("WK059910", PoisonProjection.POISON, "TALK");
        TrajectoryStory healthy = withContacts("WK059915", "TALK");
        publish(poisoned, healthy);
        awaitViews();
        Api api = api();

        assertThat(poison.handled()).containsExactly(healthy.eventId(1));
        JsonNode listing = api.get("beheerder", LETTERS).body();
        assertThat(listing.get("letters").asLong()).isEqualTo(2);
        JsonNode sequence = listing.get("items").get(0);
        assertThat(sequence.get("sequence").asText()).isEqualTo(poisoned.id().value());
        assertThat(sequence.get("letters").findValuesAsText("eventId"))
                .containsExactly(poisoned.eventId(1), poisoned.eventId(2));
        assertThat(sequence.get("letters").get(0).get("causeType").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(sequence.get("letters").get(0).get("type").asText()).isEqualTo("ContactRecorded");
        // the other views handled the same events
        JsonNode history = api.get("liaison", "/api/trajectories/" + poisoned.id() + "/history",
                "X-Purpose", "test: dead letters").body();
        assertThat(history.get("entries")).hasSize(3);
        assertThat(api.get("beheerder", "/api/admin/views").body().findValues("deadLetters")
                .stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(2);

        JsonNode overview = api.get("beheerder", "/api/admin/dead-letters").body();
        assertThat(overview.findValuesAsText("processingGroup")).contains(PoisonProjection.GROUP, "caseload");
        for (JsonNode group : overview) {
            assertThat(group.get("letters").asLong()).isEqualTo(
                    group.get("processingGroup").asText().equals(PoisonProjection.GROUP) ? 2 : 0);
        }
        assertThat(api.get("analist", LETTERS).status()).isEqualTo(403);
        assertThat(api.get("analist", "/api/admin/dead-letters").status()).isEqualTo(403);
        assertThat(api.post("jeugdwerker", "/api/admin/dead-letters/retry?processingGroup=poison-test").status())
                .isEqualTo(403);
        assertThat(api.get("beheerder", "/api/admin/dead-letters?processingGroup=nothing").status()).isEqualTo(400);

        Api.Response stillBroken = api.post("beheerder", "/api/admin/dead-letters/retry?processingGroup=poison-test");
        assertThat(stillBroken.body().get("succeeded").asInt()).isZero();
        assertThat(stillBroken.body().get("remaining").asLong()).isEqualTo(2);

        poison.fix();
        Api.Response retried = api.post("beheerder", "/api/admin/dead-letters/retry?processingGroup=poison-test&sequence="
                + poisoned.id());
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body().get("succeeded").asInt()).isEqualTo(1);
        assertThat(retried.body().get("remaining").asLong()).isZero();
        assertThat(poison.handled()).containsExactly(healthy.eventId(1), poisoned.eventId(1), poisoned.eventId(2));
        assertThat(api.get("beheerder", LETTERS).body().get("items")).isEmpty();
    }

    @Test
    void anAdministratorCanEvictALetterKnowingly() {
        poison.breakAgain();
        TrajectoryStory poisoned = withContacts("WK059912", PoisonProjection.POISON);
        publish(poisoned);
        awaitViews();
        Api api = api();
        await().atMost(PATIENCE).until(() -> api.get("beheerder", LETTERS).body().get("letters").asLong() == 1);

        assertThat(api.delete("beheerder", LETTERS + "&sequence=" + poisoned.id() + "&eventId=nope").status())
                .isEqualTo(404);
        Api.Response evicted = api.delete("beheerder", LETTERS + "&sequence=" + poisoned.id());
        assertThat(evicted.status()).isEqualTo(200);
        assertThat(evicted.body().get("evicted").asInt()).isEqualTo(1);
        assertThat(api.get("beheerder", LETTERS).body().get("letters").asLong()).isZero();
        assertThat(poison.handled()).doesNotContain(poisoned.eventId(1));
        poison.fix();
    }

    @Test
    void theLagGaugeShowsAProcessorThatFallsBehind() {
        TrajectoryStory gated = withContacts("WK059912", PoisonProjection.GATE, "TALK");
        publish(gated);
        Gauge lag = meters.find("koers.processor.lag").tag("processor", PoisonProjection.GROUP).gauge();
        assertThat(lag).isNotNull();
        await().atMost(PATIENCE).until(() -> lag.value() >= 1);
        poison.open();
        awaitViews();
        await().atMost(PATIENCE).until(() -> lag.value() == 0);
    }
}
