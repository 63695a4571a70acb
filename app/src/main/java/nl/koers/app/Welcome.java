package nl.koers.app;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who typed {@code ./koers run} where Koers is and how to log in (demo users only). */
@Component
class Welcome {
    private final Environment environment;

    Welcome(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void greet() {
        String port = environment.getProperty("local.server.port", "8080");
        System.out.println();
        System.out.println("  Koers draait op / is running at  http://localhost:" + port);
        System.out.println("  API-documentatie / API docs:     http://localhost:" + port + "/swagger-ui.html");
        System.out.println("  Inloggen / log in (HTTP Basic), wachtwoord / password 'koers-demo':");
        System.out.println("    jeugdwerker (FA03 Rotterdam-Zuid), jeugdwerker-ams (FA01, FA02), liaison, auditor, analist, beheerder");
        System.out.println("  Voorbeeld / example:  curl -u jeugdwerker:koers-demo 'http://localhost:" + port
                + "/api/caseload?focusArea=FA03'");
        System.out.println("  Stoppen / stop: Ctrl+C");
        System.out.println();
    }
}
