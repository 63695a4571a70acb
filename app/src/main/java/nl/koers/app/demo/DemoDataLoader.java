package nl.koers.app.demo;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads the demo data once, into an empty event store, after Koers is up: the API answers reads while the demo
 * trajectories arrive (recording waits, {@link DemoLoadingGate}, so the log's timestamps keep rising), and the
 * log shows progress. A non-empty store is never touched.
 */
@Component
class DemoDataLoader {
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private final EventStore eventStore;
    private final DemoScenario scenario;
    private final DemoLoadingGate gate;
    private final boolean enabled;

    DemoDataLoader(EventStore eventStore, DemoScenario scenario, DemoLoadingGate gate,
                   @Value("${koers.demo-data:false}") boolean enabled) {
        this.eventStore = eventStore;
        this.scenario = scenario;
        this.gate = gate;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadWhenEmpty() {
        if (!enabled) {
            return;
        }
        if (!storeIsEmpty()) {
            log.info("Demo data: the event store already holds events; nothing loaded");
            return;
        }
        gate.loading(true);
        Thread loader = new Thread(() -> {
            try {
                scenario.load();
            } catch (RuntimeException e) {
                log.error("Demo data could not be loaded completely ({}: {})", e.getClass().getSimpleName(),
                        e.getMessage());
            } finally {
                gate.loading(false);
            }
        }, "demo-data");
        loader.setDaemon(true);
        loader.start();
    }

    /**
     * Asks the store for its head instead of waiting on a stream for an event that an empty store never sends (that
     * wait cost every first start two seconds). An empty JDBC store has no head token; Axon Server answers -1.
     */
    private boolean storeIsEmpty() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null || head.position().orElse(0) < 0;
    }
}
