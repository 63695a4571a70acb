package nl.koers.platform.axon;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.queryhandling.QueryUpdateEmitter;

import java.util.List;
import java.util.function.Function;

/**
 * Axon's message metrics (timers, counters, processor latency: the same meter names and tags the dashboards
 * read) without Axon's capacity monitor. That monitor keeps the duration of every message handled in the last
 * ten minutes in a skip list, per processor and per bus: while a processor catches up on a large log that is
 * millions of entries, and it was what filled the 512 MB heap while a million events were written (over two
 * million skip-list nodes). The query update emitter had one too: the caseload view emits an update per event. Covers the dimensional metrics Koers runs with ({@code axon.metrics.micrometer.dimensional});
 * replaces Axon's {@code GlobalMetricRegistry} bean, which Axon only creates when none exists.
 */
public class BoundedMessageMetrics extends GlobalMetricRegistry {
    private static final String EVENT_PROCESSOR_METRICS = "eventProcessor";

    public BoundedMessageMetrics(MeterRegistry registry) {
        super(registry);
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(
            String eventProcessorName, Function<Message<?>, Iterable<Tag>> tags,
            Function<Message<?>, Iterable<Tag>> latencyTags) {
        MeterRegistry registry = getRegistry();
        return new MultiMessageMonitor<>(List.of(
                MessageTimerMonitor.buildMonitor(EVENT_PROCESSOR_METRICS, registry, tags),
                EventProcessorLatencyMonitor.builder().meterNamePrefix(EVENT_PROCESSOR_METRICS)
                        .meterRegistry(registry).tagsBuilder(latencyTags).build(),
                MessageCountingMonitor.buildMonitor(EVENT_PROCESSOR_METRICS, registry, tags)));
    }

    @Override
    public MessageMonitor<? super CommandMessage<?>> registerCommandBus(String commandBusName,
                                                                      Function<Message<?>, Iterable<Tag>> tags) {
        return handlerMonitors(commandBusName, tags);
    }

    @Override
    public MessageMonitor<? super QueryMessage<?, ?>> registerQueryBus(String queryBusName,
                                                                     Function<Message<?>, Iterable<Tag>> tags) {
        return handlerMonitors(queryBusName, tags);
    }

    /** The update emitter is registered through a private method of Axon's; the other components as Axon does. */
    @Override
    public MessageMonitor<? extends Message<?>> registerComponentWithDefaultTags(Class<?> componentType,
                                                                               String componentName) {
        if (QueryUpdateEmitter.class.isAssignableFrom(componentType)) {
            return handlerMonitors(componentName, TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION);
        }
        return super.registerComponentWithDefaultTags(componentType, componentName);
    }

    private MessageMonitor<Message<?>> handlerMonitors(String name, Function<Message<?>, Iterable<Tag>> tags) {
        MeterRegistry registry = getRegistry();
        return new MultiMessageMonitor<>(List.of(
                MessageTimerMonitor.buildMonitor(name, registry, tags),
                MessageCountingMonitor.buildMonitor(name, registry, tags)));
    }
}
