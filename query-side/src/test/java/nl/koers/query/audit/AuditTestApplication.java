package nl.koers.query.audit;

import nl.koers.platform.testing.TestUsers;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * The query side as it runs in production, for the audit tests, with the test users (other boot configurations
 * are left out).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"nl.koers.platform", "nl.koers.query"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
@Import(TestUsers.class)
class AuditTestApplication {
}
