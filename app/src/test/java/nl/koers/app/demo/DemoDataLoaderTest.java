package nl.koers.app.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.mockito.Mockito.after;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Demo data go into an empty event store only, whichever store it is; a store that holds events is left alone. */
class DemoDataLoaderTest {
    private final DemoScenario scenario = mock(DemoScenario.class);
    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void anEmptyStoreGetsTheDemoData() {
        loader(store).loadWhenEmpty();

        verify(scenario, timeout(5_000)).load();
    }

    @Test
    void aStoreThatHoldsEventsIsLeftAlone() {
        store.publish(GenericEventMessage.asEventMessage("an earlier event"));

        loader(store).loadWhenEmpty();

        verify(scenario, after(500).never()).load();
    }

    @Test
    void anEmptyAxonServerWhoseHeadIsBeforeTheFirstEventGetsTheDemoData() {
        EventStore axonServer = mock(EventStore.class);
        when(axonServer.createHeadToken()).thenReturn(new GlobalSequenceTrackingToken(-1));

        loader(axonServer).loadWhenEmpty();

        verify(scenario, timeout(5_000)).load();
    }

    private DemoDataLoader loader(EventStore eventStore) {
        return new DemoDataLoader(eventStore, scenario, new DemoLoadingGate(new ObjectMapper()), true);
    }
}
