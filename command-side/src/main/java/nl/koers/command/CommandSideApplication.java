package nl.koers.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The write side as its own application (self-hosted and production; scale out with replicas). */
@SpringBootApplication(scanBasePackages = {"nl.koers.platform", "nl.koers.command"})
public class CommandSideApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        // Own defaults in command-side.yml (the launcher bundles this jar and must not pick them up);
        // an operator's application.yml still overrides them.
        new SpringApplicationBuilder(CommandSideApplication.class)
                .properties("spring.config.name=command-side,application")
                .run(args);
    }
}
