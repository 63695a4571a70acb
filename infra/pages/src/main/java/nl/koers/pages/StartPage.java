package nl.koers.pages;

import nl.koers.events.reference.FocusArea;
import nl.koers.events.reference.ReferenceData;
import nl.koers.platform.security.CurrentUser;
import nl.koers.platform.security.KoersUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /}: each role lands where its work is. A youth worker's start page is their worklist (forwarded, so
 * {@code /} stays in the address bar and its filters work on {@code /}); a justice liaison starts at the search,
 * analysts, auditors and administrators go to their own page.
 */
@Controller
public class StartPage {
    /** The worklist page of the query side; {@code /} shows it to youth workers. */
    public static final String WORKLIST = "/werklijst";
    /** The search page of the query side, a liaison's start. */
    public static final String SEARCH = "/zoeken";

    private final CurrentUser currentUser;

    public StartPage(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @GetMapping("/")
    public String start() {
        KoersUser user = currentUser.get();
        return switch (user.role()) {
            case YOUTH_WORKER -> "forward:" + WORKLIST;
            case JUSTICE_LIAISON -> "redirect:" + SEARCH;
            case POLICY_ANALYST -> "redirect:/wijken";
            case AUDITOR -> "redirect:/audit";
            case ADMIN -> "redirect:/beheer";
        };
    }

    /** The focus areas a user works in, in code order; every area for a user bound to none. */
    public static List<FocusArea> areasOf(KoersUser user) {
        return ReferenceData.get().focusAreas().stream()
                .filter(area -> user.allAreas() || user.focusAreas().contains(area.code()))
                .sorted(Comparator.comparing(area -> area.code().value()))
                .toList();
    }
}
