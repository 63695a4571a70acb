package nl.koers.command;

import nl.koers.platform.testing.TestUsers;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import java.time.Clock;

/**
 * The command side as {@link CommandSideApplication} assembles it, with "today" fixed ({@link Samples#TODAY}) so
 * date rules are tested exactly, and the test users. Stores come from {@code TestStores.register} in each test
 * class.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"nl.koers.platform", "nl.koers.command"}, excludeFilters = {
        @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = CommandSideApplication.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class)})
@Import(TestUsers.class)
public class CommandSideTestApplication {

    @Bean
    @Primary
    Clock fixedClock() {
        return Samples.CLOCK;
    }
}
