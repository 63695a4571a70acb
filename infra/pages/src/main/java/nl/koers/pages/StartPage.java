package nl.koers.pages;

import nl.koers.events.reference.FocusArea;
import nl.koers.events.reference.ReferenceData;
import nl.koers.platform.security.CurrentUser;
import nl.koers.platform.security.KoersUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /}: each role lands where its work is. Analysts, auditors and administrators go straight to their
 * page; youth workers and liaisons get a start page with the links they have (a youth worker: the caseload and
 * outcome pages of each of their focus areas).
 */
@Controller
public class StartPage {
    private final CurrentUser currentUser;

    public StartPage(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @GetMapping("/")
    public String start(Model model) {
        KoersUser user = currentUser.get();
        return switch (user.role()) {
            case POLICY_ANALYST -> "redirect:/wijken";
            case AUDITOR -> "redirect:/audit";
            case ADMIN -> "redirect:/beheer";
            case YOUTH_WORKER, JUSTICE_LIAISON -> {
                model.addAttribute("focusAreas", areasOf(user));
                yield "start";
            }
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
