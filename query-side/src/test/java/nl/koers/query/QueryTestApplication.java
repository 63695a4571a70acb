package nl.koers.query;

import nl.koers.platform.testing.MutableClock;
import nl.koers.platform.testing.TestUsers;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import java.time.Instant;

/**
 * The query side as it runs on its own, for the read-side integration tests, with "today" at {@link #NOW} so date
 * windows are predictable (a test class may move its own context's clock: each class gets a fresh context), and the
 * test users. Other boot configurations in the scanned packages are left out.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"nl.koers.platform", "nl.koers.query"}, excludeFilters = {
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class)})
@Import(TestUsers.class)
public class QueryTestApplication {
    public static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(NOW);
    }
}
