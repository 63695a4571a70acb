package nl.koers.query.opening;

import nl.koers.events.common.BusinessCalendar;
import nl.koers.events.reference.FocusArea;
import nl.koers.events.reference.ReferenceData;
import nl.koers.events.reference.Wijk;
import nl.koers.events.trajectory.ReferralSource;
import nl.koers.pages.StartPage;
import nl.koers.platform.security.CurrentUser;
import nl.koers.platform.security.KoersUser;
import nl.koers.platform.security.Role;
import nl.koers.platform.web.ApiProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /trajecten/nieuw}: the form to open a trajectory. The wijk is chosen by name from the worker's own focus
 * areas (grouped by area), the referral source by its Dutch name. The form posts to the command side
 * ({@code POST /trajecten/nieuw}, the command side's {@code OpeningPage}) with a fresh idempotency key, so a double
 * click opens once. When that post is refused it comes back here with the entered values and the errors per field
 * as flash attributes in the session ({@value #VALUES}, {@value #ERRORS}, {@value #DUPLICATE}): personal data never
 * travels in an address. Only youth workers open trajectories, so only they get the form.
 */
@Controller
public class OpeningFormPage {
    /** Flash attributes the command side's form post sets; names shared with it. */
    static final String VALUES = "openingValues";
    static final String ERRORS = "openingErrors";
    static final String DUPLICATE = "openingDuplicate";

    private final CurrentUser currentUser;
    private final Clock clock;

    public OpeningFormPage(CurrentUser currentUser, Clock clock) {
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** A focus area with its wijken by name, as an option group. */
    public record AreaWijken(FocusArea area, List<Wijk> wijken) {
    }

    @GetMapping("/trajecten/nieuw")
    public String form(Model model) {
        KoersUser user = currentUser.get();
        if (user.role() != Role.YOUTH_WORKER) {
            throw ApiProblem.forbidden("only youth workers open trajectories");
        }
        ReferenceData reference = ReferenceData.get();
        model.addAttribute("groups", StartPage.areasOf(user).stream()
                .map(area -> new AreaWijken(area, area.wijken().stream().map(reference::wijk)
                        .flatMap(java.util.Optional::stream).sorted(Comparator.comparing(Wijk::name)).toList()))
                .toList());
        model.addAttribute("sources", ReferralSource.values());
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        if (!model.containsAttribute(VALUES)) {
            model.addAttribute(VALUES, Map.of("openedOn", BusinessCalendar.today(clock).toString()));
        }
        if (!model.containsAttribute(ERRORS)) {
            model.addAttribute(ERRORS, Map.of());
        }
        model.addAttribute("today", BusinessCalendar.today(clock).toString());
        return "opening/nieuw";
    }
}
