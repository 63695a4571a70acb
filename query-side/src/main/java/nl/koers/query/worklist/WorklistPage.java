package nl.koers.query.worklist;

import jakarta.servlet.http.HttpSession;
import nl.koers.events.reference.ReferenceData;
import nl.koers.events.reference.Wijk;
import nl.koers.pages.StartPage;
import nl.koers.pages.purpose.ReadingPurpose;
import nl.koers.platform.security.CurrentUser;
import nl.koers.platform.security.KoersUser;
import nl.koers.platform.security.Role;
import nl.koers.query.casefile.Signal;
import nl.koers.query.summary.SummaryFilter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.Optional;

/**
 * {@code GET /werklijst?focusArea=&caseworker=me&page=} (a youth worker sees it at {@code /}): what needs doing
 * now, most urgent first, read through the reader of {@code GET /api/worklist} for the same user (same scope, same
 * 400/403, each row in the access log as {@code WORKLIST}). The filters are a plain GET form. A justice liaison
 * reads it with the purpose stated for the session, and is sent to state one first.
 */
@Controller
public class WorklistPage {
    static final int PAGE_SIZE = WorklistReader.DEFAULT_PAGE_SIZE;
    private final WorklistReader reader;
    private final CurrentUser currentUser;

    public WorklistPage(WorklistReader reader, CurrentUser currentUser) {
        this.reader = reader;
        this.currentUser = currentUser;
    }

    /** A row as the page shows it: the wijk by name, the signal's words by message key. */
    public record Row(String trajectoryId, String givenName, String familyName, boolean erased, String wijk,
                      String gemeente, String signalKey, LocalDate dueOn, boolean overdue, String detailKey,
                      String caseworker) {
    }

    @GetMapping(StartPage.WORKLIST)
    public String worklist(@RequestParam(required = false) String focusArea,
                           @RequestParam(required = false) String caseworker,
                           @RequestParam(defaultValue = "0") int page, HttpSession session, Model model) {
        KoersUser user = currentUser.get();
        String purpose = null;
        if (user.role() == Role.JUSTICE_LIAISON) {
            Optional<ReadingPurpose> stated = ReadingPurpose.of(session);
            if (stated.isEmpty()) {
                return "redirect:" + StartPage.SEARCH;
            }
            purpose = stated.get().logged();
        }
        String area = focusArea == null || focusArea.isBlank() ? null : focusArea;
        boolean mine = SummaryFilter.ME.equals(caseworker);
        WorklistReader.Worklist worklist = reader.worklist(user, area, mine ? SummaryFilter.ME : null,
                Math.max(0, page), PAGE_SIZE, purpose);
        // A youth worker has the worklist at "/", a liaison (who starts at the search) at its own path.
        model.addAttribute("here", user.role() == Role.YOUTH_WORKER ? "/" : StartPage.WORKLIST);
        model.addAttribute("areas", StartPage.areasOf(user));
        model.addAttribute("focusArea", area);
        model.addAttribute("mine", mine);
        model.addAttribute("worklist", worklist);
        model.addAttribute("rows", worklist.items().stream().map(item -> row(item, worklist.asOf())).toList());
        model.addAttribute("pages", (int) Math.ceil(worklist.total() / (double) PAGE_SIZE));
        return "worklist/werklijst";
    }

    private static Row row(WorklistReader.Item item, LocalDate today) {
        Optional<Wijk> wijk = Optional.ofNullable(item.neighbourhood()).flatMap(ReferenceData.get()::wijk);
        String detail = item.signal() == Signal.Kind.BASIC_CONDITION_NOT_MET && item.detail() != null
                ? "outcomes.condition." + item.detail() : null;
        return new Row(item.trajectoryId(), item.youth().givenName(), item.youth().familyName(),
                item.youth().erased(), wijk.map(Wijk::name).orElse(item.neighbourhood()),
                wijk.map(Wijk::gemeenteName).orElse(null), "worklist.signal." + item.signal().name(), item.dueOn(),
                item.dueOn().isBefore(today), detail, item.caseworker());
    }
}
