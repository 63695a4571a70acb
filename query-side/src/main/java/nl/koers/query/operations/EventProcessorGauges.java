package nl.koers.query.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.OptionalLong;

/**
 * Micrometer gauges per streaming processor, tagged with the processor name only:
 * {@code koers.processor.lag} (events in the log it has not handled; NaN while it claims no segment here) and
 * {@code koers.view.rebuild.progress} (0..1 during a rebuild, 1 otherwise).
 */
@Component
public class EventProcessorGauges {
    static final String LAG = "koers.processor.lag";
    static final String REBUILD_PROGRESS = "koers.view.rebuild.progress";
    private final Processors processors;
    private final ViewRebuilds rebuilds;
    private final MeterRegistry registry;

    public EventProcessorGauges(Processors processors, ViewRebuilds rebuilds, MeterRegistry registry) {
        this.processors = processors;
        this.rebuilds = rebuilds;
        this.registry = registry;
    }

    /** Processors exist once the Axon configuration has started. */
    @EventListener(ApplicationReadyEvent.class)
    public void register() {
        for (String name : processors.names()) {
            Gauge.builder(LAG, processors, p -> {
                        OptionalLong lag = p.lag(name);
                        return lag.isPresent() ? lag.getAsLong() : Double.NaN;
                    })
                    .tag("processor", name)
                    .baseUnit("events")
                    .description("Events in the log that this processor has not handled yet")
                    .register(registry);
            Gauge.builder(REBUILD_PROGRESS, rebuilds, r -> r.progress(name).orElse(1.0))
                    .tag("processor", name)
                    .description("Share of the event log replayed by a view rebuild (1 when none runs)")
                    .register(registry);
        }
    }
}
