package nl.koers.query.operations;

import nl.koers.query.common.ViewBatch;
import nl.koers.query.common.ViewDescriptor;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.beans.factory.annotation.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Per-view settings of the pooled streaming processors (the platform makes every processor pooled and streaming),
 * as each view declares them ({@link ViewDescriptor}). Any of them can be overridden with
 * {@code koers.query.processors.<processing group>.batch-size|segments}.
 * Segments only take effect when a processor's tokens are first created; more segments let more replicas share a
 * view, at a cost on one small machine.
 * <p>
 * The batch size and segments the views declare were chosen with {@code ./koers bench replay --events 50000} (all
 * four views rebuilt together on the embedded default, 2 cores, {@code ./koers} JVM options), events per second:
 * <pre>
 * batch size  segments  events/s
 *         50         2      1001
 *        200         1      1550
 *        200         2      1675, 1682
 *        200         4      1266
 *        500         2      1543
 *       1000         2      1515
 * </pre>
 * A batch is one unit of work whose view writes go out together ({@code ViewBatch}), so small batches pay a round
 * trip per few events; very large ones hold more work in memory and wait longer for the last segment.
 * <p>
 * Measured again with 20 000 events after view writes stopped waiting for the disk, under load average 8–21 from
 * other builds, events per CPU second of the rebuild (three runs): batch size 200: 766, 989, 697; 1000: 1185, 867,
 * 916 (the code before: 1006, 825, 618). Too close to call on a shared machine, so 200 stays. A JFR profile of the
 * rebuild shows where the time goes: the in-process MongoDB (its MVStore commits, compaction, and Java
 * serialisation of every stored document: about half), Axon's per-event work (its coordinator polling queue sizes,
 * Micrometer monitors, time limits: about a fifth), reading and deserialising the log (about a tenth); the
 * projections themselves take a few percent.
 * <p>
 * Since then a rebuild no longer goes through the processor: {@link BulkReplay} hands the log to the processor's
 * handlers in units of work of 2 000 events and the processor goes on from where it got. These settings shape live
 * processing (and a rebuild that falls back to the processor).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProcessorTuning.Properties.class)
public class ProcessorTuning {
    private static final Logger log = LoggerFactory.getLogger(ProcessorTuning.class);

    /** For a processing group that is configured by property only, not declared as a view. */
    static final Settings UNDECLARED = new Settings(100, 1);

    public record Settings(Integer batchSize, Integer segments) {
        Settings over(Settings defaults) {
            return new Settings(batchSize != null ? batchSize : defaults.batchSize,
                    segments != null ? segments : defaults.segments);
        }
    }

    @ConfigurationProperties("koers.query")
    public record Properties(Map<String, Settings> processors) {
        public Properties {
            processors = processors == null ? Map.of() : processors;
        }
    }

    /** The settings in force per processing group: what the view declares, with configured values on top. */
    @Bean
    EffectiveSettings queryProcessorSettings(Properties properties, List<ViewDescriptor> views) {
        Map<String, Settings> effective = new LinkedHashMap<>();
        views.stream().sorted(Comparator.comparing(ViewDescriptor::name)).forEach(view -> effective.put(view.name(),
                properties.processors().getOrDefault(view.name(), new Settings(null, null))
                        .over(new Settings(view.batchSize(), view.segments()))));
        properties.processors().forEach((group, settings) -> effective.putIfAbsent(group,
                settings.over(UNDECLARED)));
        return new EffectiveSettings(effective);
    }

    private static MessageHandlerInterceptor<EventMessage<?>> slowReplay(Duration pause) {
        return (unitOfWork, chain) -> {
            if (ReplayToken.isReplay(unitOfWork.getMessage())) {
                Thread.sleep(pause.toMillis());
            }
            return chain.proceed();
        };
    }

    public record EffectiveSettings(Map<String, Settings> perGroup) {
    }

    /**
     * {@code replayPause}: a test hook ({@code koers.test.replay-pause}, default none) that makes each event of a
     * rebuild take at least that long, so that an end-to-end test can read and kill during a rebuild.
     */
    @Bean
    ConfigurerModule queryProcessorTuning(EffectiveSettings settings, List<ViewDescriptor> views,
                                          @Value("${koers.test.replay-pause:}") Duration replayPause) {
        Set<String> writingAtOnce = views.stream().filter(view -> !view.flushBeforeToken())
                .map(ViewDescriptor::name).collect(Collectors.toSet());
        return configurer -> configurer.eventProcessing(processing -> settings.perGroup().forEach((group, s) -> {
            log.debug("Processor {}: batch size {}, {} segments", group, s.batchSize(), s.segments());
            processing.registerPooledStreamingEventProcessorConfiguration(group, (config, builder) -> builder
                    .batchSize(s.batchSize())
                    .initialSegmentCount(s.segments())
                    .maxClaimedSegments(s.segments()));
            if (!writingAtOnce.contains(group)) {
                // The views' writes of a batch go out before the processor stores the batch's token.
                processing.registerHandlerInterceptor(group, config -> ViewBatch.flushAtLastEvent());
            }
            if (replayPause != null && !replayPause.isZero()) {
                processing.registerHandlerInterceptor(group, config -> slowReplay(replayPause));
            }
            // Remembers per segment which trajectories have dead letters, instead of asking MongoDB per event.
            processing.registerDeadLetteringEventHandlerInvokerConfiguration(group,
                    (config, builder) -> builder.enableSequenceIdentifierCache());
        }));
    }
}
