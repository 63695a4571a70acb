package nl.koers.command.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The idempotency filter sits on the command endpoints, right after the security filters (so 401 comes first); the
 * request's key goes with the command into every event it appends ({@link RequestKey}).
 */
@Configuration(proxyBeanMethods = false)
public class IdempotencyConfiguration {

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, ObjectMapper mapper,
                                                               @Value("${koers.test.crash-at:}") String crashAt) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(store, mapper, crashAt));
        // The API's commands, and the pages' forms that record on a trajectory (their key is a form field).
        registration.addUrlPatterns("/api/trajectories", "/api/trajectories/*", "/trajecten", "/trajecten/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }
}
