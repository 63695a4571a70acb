package nl.koers.app;

import nl.koers.events.common.FocusAreaCode;
import nl.koers.events.reference.FocusArea;
import nl.koers.events.reference.ReferenceData;
import nl.koers.platform.security.KoersUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.stream.Collectors;

/** Tells the person who typed {@code ./koers run} where Koers is and, with the demo users on, how to log in. */
@Component
class Welcome {
    private final Environment environment;
    private final ObjectProvider<DemoUsers> demoUsers;

    Welcome(Environment environment, ObjectProvider<DemoUsers> demoUsers) {
        this.environment = environment;
        this.demoUsers = demoUsers;
    }

    @EventListener(ApplicationReadyEvent.class)
    void greet() {
        String port = environment.getProperty("local.server.port", "8080");
        System.out.println();
        System.out.println("  Koers draait op / is running at  http://localhost:" + port + "  (pagina's / pages)");
        System.out.println("  API-documentatie / API docs:     http://localhost:" + port + "/swagger-ui.html");
        if (demoUsers.getIfAvailable() != null) {
            System.out.println("  Inloggen / log in (pagina's en HTTP Basic / pages and HTTP Basic), wachtwoord / password '"
                    + DemoUsers.PASSWORD + "':");
            System.out.println("    " + DemoUsers.USERS.stream().map(Welcome::describe).collect(Collectors.joining(", ")));
            System.out.println("  Voorbeeld / example:  curl -u " + DemoUsers.USERS.get(0).username() + ":"
                    + DemoUsers.PASSWORD + " 'http://localhost:" + port + "/api/caseload?focusArea=FA03'");
        }
        System.out.println("  Stoppen / stop: Ctrl+C");
        System.out.println();
    }

    /** {@code jeugdwerker (FA03 Rotterdam-Zuid)}; users of every area by name alone. */
    private static String describe(KoersUser user) {
        if (user.allAreas()) {
            return user.username();
        }
        return user.username() + " (" + user.focusAreas().stream().sorted(Comparator.comparing(FocusAreaCode::value))
                .map(Welcome::area).collect(Collectors.joining(", ")) + ")";
    }

    private static String area(FocusAreaCode code) {
        return code.value() + ReferenceData.get().focusArea(code).map(FocusArea::name).map(name -> " " + name)
                .orElse("");
    }
}
