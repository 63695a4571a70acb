package nl.koers.platform;

import nl.koers.platform.config.KoersProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Import this (both applications and the launcher do, by scanning {@code nl.koers.platform}) to stand on the
 * shared platform.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KoersProperties.class)
public class PlatformConfiguration {

    /** The one clock of the process; tests replace it to control "today". */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
