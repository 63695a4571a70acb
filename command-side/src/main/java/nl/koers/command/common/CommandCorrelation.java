package nl.koers.command.common;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What of a command's metadata the events it appends carry: Axon's origin (correlation and trace ids), and the
 * request's idempotency key, which the trajectory remembers so a retry after a crash records nothing. Declaring a
 * provider replaces Axon's default one, so that one is declared here too.
 */
@Configuration(proxyBeanMethods = false)
public class CommandCorrelation {

    @Bean
    CorrelationDataProvider idempotencyKeyCorrelation() {
        return new SimpleCorrelationDataProvider(CommandMetadata.IDEMPOTENCY_KEY);
    }

    @Bean
    CorrelationDataProvider messageOriginCorrelation() {
        return new MessageOriginProvider();
    }
}
