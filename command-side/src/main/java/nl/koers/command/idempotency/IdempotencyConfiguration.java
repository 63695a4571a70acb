package nl.koers.command.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The idempotency filter sits on the command endpoints, right after the security filters (so 401 comes first); the
 * request's key goes from the command into every event it appends ({@link RequestKey}).
 */
@Configuration(proxyBeanMethods = false)
public class IdempotencyConfiguration {

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, ObjectMapper mapper,
                                                               @Value("${koers.test.crash-at:}") String crashAt) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(store, mapper, crashAt));
        registration.addUrlPatterns("/api/trajectories", "/api/trajectories/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }

    /** Copies the request's key from each command into the events it appends, where the trajectory remembers it. */
    @Bean
    CorrelationDataProvider idempotencyKeyCorrelation() {
        return new SimpleCorrelationDataProvider(RequestKey.METADATA);
    }

    /** Axon's own provider (correlation and trace ids), which a provider bean of our own would otherwise replace. */
    @Bean
    CorrelationDataProvider messageOriginCorrelation() {
        return new MessageOriginProvider();
    }
}
