package nl.koers.query.search;

import nl.koers.platform.axon.TransientProcessingGroup;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The search index's processor: transient ({@link TransientProcessingGroup}: tokens in memory, no dead letters), so
 * every start of every query-side replica reads the whole log into its own index and nothing of it is stored. One
 * segment keeps a youth's erasure after their opening, whatever trajectory it belongs to.
 */
@Configuration(proxyBeanMethods = false)
public class CaseIndexConfiguration {
    static final int BATCH_SIZE = 500;

    @Bean
    TransientProcessingGroup caseIndexGroup() {
        return new TransientProcessingGroup(CaseIndex.NAME);
    }

    @Bean
    ConfigurerModule caseIndexProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessorConfiguration(CaseIndex.NAME, (config, builder) -> builder
                        .batchSize(BATCH_SIZE)
                        .initialSegmentCount(1)
                        .maxClaimedSegments(1)));
    }
}
