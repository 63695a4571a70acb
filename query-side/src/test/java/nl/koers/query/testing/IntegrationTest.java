package nl.koers.query.testing;

import nl.koers.platform.crypto.PersonalDataCipher;
import nl.koers.platform.testing.TestStores;
import nl.koers.query.QueryTestApplication;
import nl.koers.query.operations.ViewRebuilds;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * The query side over HTTP with its own in-memory stores per test class: events go into the event store the way
 * the write side appends them, the processors project them, the test reads through the API.
 */
@SpringBootTest(classes = QueryTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class IntegrationTest {
    protected static final Duration PATIENCE = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry);
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected EventStore eventStore;
    @Autowired
    protected EventProcessingConfiguration processing;
    @Autowired
    protected PersonalDataCipher cipher;
    @Autowired
    protected ViewRebuilds rebuilds;

    protected Api api() {
        return new Api(port);
    }

    protected void publish(TrajectoryStory... stories) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (TrajectoryStory story : stories) {
            messages.addAll(story.messages());
        }
        eventStore.publish(messages);
    }

    /** Waits until every streaming processor has handled every event in the log, and readers see every rebuild. */
    protected void awaitViews() {
        await().atMost(PATIENCE).until(this::caughtUp);
    }

    protected boolean caughtUp() {
        TrackingToken head = eventStore.createHeadToken();
        long last = head == null ? -1 : head.position().orElse(-1);
        for (var entry : processing.eventProcessors().entrySet()) {
            if (entry.getValue() instanceof StreamingEventProcessor streaming) {
                var statuses = streaming.processingStatus().values();
                // every segment claimed (a processor in error releases its segment) and at the head of the log
                int segments = processing.tokenStore(entry.getKey()).fetchSegments(entry.getKey()).length;
                if (statuses.size() < segments || statuses.stream().anyMatch(EventTrackerStatus::isErrorState)) {
                    return false;
                }
                // a rebuild has caught up once readers see its generation
                if (rebuilds.rebuilding(entry.getKey())) {
                    return false;
                }
                for (EventTrackerStatus status : statuses) {
                    if (status.getCurrentPosition().orElse(-1) < last) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
