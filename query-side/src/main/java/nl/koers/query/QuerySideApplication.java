package nl.koers.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The read side as its own application (self-hosted and production; scale out with replicas). */
@SpringBootApplication(scanBasePackages = {"nl.koers.platform", "nl.koers.query"})
public class QuerySideApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        // Own defaults in query-side.yml (the launcher bundles this jar and must not pick them up);
        // an operator's application.yml still overrides them.
        new SpringApplicationBuilder(QuerySideApplication.class)
                .properties("spring.config.name=query-side,application")
                .run(args);
    }
}
