package nl.koers.platform.axon;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The meters the dashboard reads are still there; the capacity windows that held every message are not. */
class BoundedMessageMetricsTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final GlobalMetricRegistry metrics = new BoundedMessageMetrics(meters);

    @Test
    @SuppressWarnings("unchecked")
    void processorsAreTimedAndCountedPerProcessorWithoutACapacityWindow() {
        MessageMonitor<EventMessage<?>> monitor = (MessageMonitor<EventMessage<?>>)
                metrics.registerComponentWithDefaultTags(EventProcessor.class, "caseload");
        for (int i = 0; i < 1_000; i++) {
            monitor.onMessageIngested(GenericEventMessage.asEventMessage("event " + i)).reportSuccess();
        }

        assertThat(meters.get("eventProcessor.allTimer").tag("processorName", "caseload").timer().count())
                .isEqualTo(1_000);
        assertThat(meters.get("eventProcessor.successCounter").tag("processorName", "caseload").counter().count())
                .isEqualTo(1_000);
        assertThat(meters.find("eventProcessor.latency").tag("processorName", "caseload").meters()).isNotEmpty();
        assertThat(meters.find("eventProcessor.capacity").meters()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void commandsAreTimedPerMessageTypeWithoutACapacityWindow() {
        MessageMonitor<org.axonframework.commandhandling.CommandMessage<?>> monitor =
                (MessageMonitor<org.axonframework.commandhandling.CommandMessage<?>>)
                        metrics.registerComponentWithDefaultTags(CommandBus.class, "commandBus");
        monitor.onMessageIngested(GenericCommandMessage.asCommandMessage("open")).reportSuccess();

        assertThat(meters.get("commandBus.allTimer").tag("payloadType", "String").timer().count()).isEqualTo(1);
        assertThat(meters.find("commandBus.capacity").meters()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void queryUpdatesAreTimedPerMessageTypeWithoutACapacityWindow() {
        MessageMonitor<Message<?>> monitor = (MessageMonitor<Message<?>>)
                metrics.registerComponentWithDefaultTags(QueryUpdateEmitter.class, "queryUpdateEmitter");
        monitor.onMessageIngested(GenericEventMessage.asEventMessage("update")).reportSuccess();

        assertThat(meters.get("queryUpdateEmitter.allTimer").tag("payloadType", "String").timer().count())
                .isEqualTo(1);
        assertThat(meters.find("queryUpdateEmitter.capacity").meters()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void axonsOwnRegistryWouldKeepACapacityWindow() {
        SimpleMeterRegistry stock = new SimpleMeterRegistry();
        MessageMonitor<EventMessage<?>> monitor = (MessageMonitor<EventMessage<?>>)
                new GlobalMetricRegistry(stock).registerComponentWithDefaultTags(EventProcessor.class, "caseload");
        monitor.onMessageIngested(GenericEventMessage.asEventMessage("event")).reportSuccess();

        assertThat(stock.find("eventProcessor.capacity").meters()).isNotEmpty();
    }
}
