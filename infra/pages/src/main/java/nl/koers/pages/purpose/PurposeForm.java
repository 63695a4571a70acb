package nl.koers.pages.purpose;

import jakarta.servlet.http.HttpServletRequest;
import nl.koers.pages.Redirects;
import nl.koers.pages.StartPage;
import nl.koers.platform.security.CurrentUser;
import nl.koers.platform.security.Role;
import nl.koers.platform.web.ApiProblem;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Map;

/**
 * {@code POST /zoeken/doel} (fields {@code reason}, {@code text}, optionally {@code q}): a justice liaison states
 * why they read, once per session ({@link ReadingPurpose}), then {@code 303} to the search (with the search text
 * they had typed, if any). A purpose that cannot be kept goes back to the form with its errors and the entered
 * text through flash attributes, so the free text never appears in an address. Lives with the pages of both sides
 * because in production every form post reaches the command side.
 */
@Controller
public class PurposeForm {
    /** Flash attributes read by the search page. */
    public static final String ERRORS = "purposeErrors";
    public static final String ENTERED = "purposeEntered";

    private final CurrentUser currentUser;

    public PurposeForm(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @PostMapping(StartPage.SEARCH + "/doel")
    public RedirectView state(@RequestParam(required = false) String reason,
                              @RequestParam(required = false) String text,
                              @RequestParam(required = false) String q,
                              HttpServletRequest request, RedirectAttributes flash) {
        if (currentUser.get().role() != Role.JUSTICE_LIAISON) {
            throw ApiProblem.forbidden("only justice liaisons state a purpose for their reads");
        }
        UriComponentsBuilder search = UriComponentsBuilder.fromPath(StartPage.SEARCH);
        if (q != null && !q.isBlank()) {
            search.queryParam("q", q.strip());
        }
        Map<String, String> problems = ReadingPurpose.problems(reason, text);
        if (!problems.isEmpty()) {
            flash.addFlashAttribute(ERRORS, problems);
            flash.addFlashAttribute(ENTERED, new ReadingPurpose.Entered(reason, text));
            return Redirects.seeOther(search.encode().build().toUriString());
        }
        ReadingPurpose.keep(request.getSession(), reason, text);
        return Redirects.seeOther(search.encode().build().toUriString());
    }
}
