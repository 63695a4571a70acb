package nl.koers.query.summary;

import jakarta.servlet.http.HttpSession;
import nl.koers.events.reference.ReferenceData;
import nl.koers.events.reference.Wijk;
import nl.koers.pages.StartPage;
import nl.koers.pages.purpose.ReadingPurpose;
import nl.koers.platform.security.CurrentUser;
import nl.koers.platform.security.KoersUser;
import nl.koers.platform.security.Role;
import nl.koers.platform.web.ApiProblem;
import nl.koers.query.common.IndividualReadPolicy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.Optional;

/**
 * {@code GET /zoeken?q=&page=}: find a youth by (part of) a name, accents ignored, a birth date or a BSN, best match
 * first, through the reader of {@code GET /api/trajectories?q=} for the same user (same scope, each result row in
 * the access log as {@code SEARCH}). A justice liaison first states a purpose ({@link ReadingPurpose}, posted to
 * {@code POST /zoeken/doel} and kept in the session); it goes with every search into the access log. What the
 * search text cannot be is said next to the search box, in the reader's language.
 */
@Controller
public class SearchPage {
    static final int PAGE_SIZE = 20;
    private final SummaryReader reader;
    private final IndividualReadPolicy policy;
    private final CurrentUser currentUser;

    public SearchPage(SummaryReader reader, IndividualReadPolicy policy, CurrentUser currentUser) {
        this.reader = reader;
        this.policy = policy;
        this.currentUser = currentUser;
    }

    /** A result as the page shows it: the wijk by name, dates as dates. */
    public record Row(String trajectoryId, String givenName, String familyName, boolean erased, String birthDate,
                      String wijk, String gemeente, String phase, LocalDate openedOn, LocalDate closedOn) {
    }

    @GetMapping(StartPage.SEARCH)
    public String search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                         HttpSession session, Model model) {
        KoersUser user = currentUser.get();
        String text = q == null ? "" : q.strip();
        model.addAttribute("q", text);
        model.addAttribute("reasons", ReadingPurpose.Reason.values());
        Optional<ReadingPurpose> purpose = ReadingPurpose.of(session);
        boolean liaison = user.role() == Role.JUSTICE_LIAISON;
        model.addAttribute("liaison", liaison);
        model.addAttribute("purpose", purpose.orElse(null));
        if (liaison && purpose.isEmpty()) {
            return "search/zoeken"; // the purpose form; nothing is read before it is stated
        }
        String logged = liaison ? purpose.get().logged() : null;
        policy.checkReader(user, logged); // a role that never reads files gets the 403 page, also without a search
        if (text.isEmpty()) {
            return "search/zoeken";
        }
        try {
            SummaryReader.Page found = reader.search(user, text, SummaryFilter.ANY, Math.max(0, page), PAGE_SIZE,
                    logged);
            model.addAttribute("found", found);
            model.addAttribute("rows", found.items().stream().map(SearchPage::row).toList());
            model.addAttribute("pages", (int) Math.ceil(found.total() / (double) PAGE_SIZE));
        } catch (ApiProblem problem) {
            if (problem.status() == HttpStatus.SERVICE_UNAVAILABLE) {
                model.addAttribute("unavailable", true);
            } else if (problem.status() == HttpStatus.BAD_REQUEST && !problem.errors().isEmpty()) {
                model.addAttribute("qError", "search.invalid");
            } else {
                throw problem;
            }
        }
        return "search/zoeken";
    }

    private static Row row(SummaryReader.Summary summary) {
        Optional<Wijk> wijk = Optional.ofNullable(summary.neighbourhood()).flatMap(ReferenceData.get()::wijk);
        SummaryReader.Youth youth = summary.youth();
        return new Row(summary.trajectoryId(), youth.givenName(), youth.familyName(), youth.erased(),
                youth.birthDate() == null ? null : LocalDate.parse(youth.birthDate()).format(
                        java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")),
                wijk.map(Wijk::name).orElse(summary.neighbourhood()), wijk.map(Wijk::gemeenteName).orElse(null),
                summary.phase().name(), summary.openedOn(), summary.closedOn());
    }
}
