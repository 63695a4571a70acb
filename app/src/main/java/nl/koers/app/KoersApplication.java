package nl.koers.app;

import nl.koers.command.CommandSideApplication;
import nl.koers.query.QuerySideApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;
import org.springframework.context.annotation.FilterType;

/**
 * The embedded default: command side, query side and the in-process stores in one JVM. Started by
 * {@code ./koers run}; the same code runs split into two applications in the other modes. The two side
 * applications' own entry classes are left out, so each bean exists once, and beans are named by their full
 * class name because both sides use the same feature names (an outcome controller on each side).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"nl.koers.platform", "nl.koers.command", "nl.koers.query", "nl.koers.app"},
        nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class,
        excludeFilters = {
                @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
                        classes = {CommandSideApplication.class, QuerySideApplication.class}),
                // what @SpringBootApplication would add: tests' own configurations stay out of other tests
                @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
                @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class)})
public class KoersApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(KoersApplication.class, args);
    }
}
