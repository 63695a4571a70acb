package nl.koers.query.operations;

import nl.koers.events.common.BusinessCalendar;
import nl.koers.pages.Redirects;
import nl.koers.platform.security.CurrentUser;
import nl.koers.query.privacy.ErasureListReader;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /beheer}: the administrator's page. The views with their processors (rebuild one from the start of
 * the log and follow its progress), the dead letters per processing group (list, retry, evict), the erasure form
 * (posted to the command side, {@code POST /beheer/wissen}) and the erasure list. Everything goes through the
 * API's own operations endpoints for the same user ({@code /api/admin/…}, {@code /api/audit/erasures}), so the
 * checks are the API's: administrators only. The posts here act on this side's processors, like the API's.
 */
@Controller
public class OperationsPage {
    static final int LISTED_SEQUENCES = 100;
    private final OperationsController operations;
    private final ErasureListReader erasures;
    private final CurrentUser currentUser;

    public OperationsPage(OperationsController operations, ErasureListReader erasures, CurrentUser currentUser) {
        this.operations = operations;
        this.erasures = erasures;
        this.currentUser = currentUser;
    }

    @GetMapping("/beheer")
    public String admin(@RequestParam(required = false) String processingGroup, Model model) {
        List<Map<String, Object>> views = operations.views();
        model.addAttribute("views", views);
        model.addAttribute("rebuilding", views.stream().anyMatch(v -> Boolean.TRUE.equals(v.get("rebuilding"))));
        model.addAttribute("deadLetters", operations.list(null, LISTED_SEQUENCES));
        if (processingGroup != null && !processingGroup.isBlank()) {
            model.addAttribute("listing", operations.list(processingGroup, LISTED_SEQUENCES));
        }
        model.addAttribute("erasures", erasures.erasures(currentUser.get()).erasures());
        model.addAttribute("zone", BusinessCalendar.ZONE);
        return "operations/beheer";
    }

    @PostMapping("/beheer/views/{processor}/rebuild")
    public RedirectView rebuild(@PathVariable String processor) {
        operations.rebuild(processor);
        return Redirects.seeOther(UriComponentsBuilder.fromPath("/beheer").queryParam("rebuilt", processor)
                .encode().build().toUriString() + "#views");
    }

    @PostMapping("/beheer/dead-letters/retry")
    public RedirectView retry(@RequestParam(required = false) String processingGroup,
                              @RequestParam(required = false) String sequence) {
        DeadLetters.Retried retried = operations.retry(processingGroup, blank(sequence));
        return Redirects.seeOther(UriComponentsBuilder.fromPath("/beheer")
                .queryParam("processingGroup", processingGroup)
                .queryParam("retried", retried.attempted()).queryParam("succeeded", retried.succeeded())
                .encode().build().toUriString() + "#dead-letters");
    }

    @PostMapping("/beheer/dead-letters/evict")
    public RedirectView evict(@RequestParam(required = false) String processingGroup,
                              @RequestParam(required = false) String sequence,
                              @RequestParam(required = false) String eventId) {
        DeadLetters.Evicted evicted = operations.evict(processingGroup, sequence, blank(eventId));
        return Redirects.seeOther(UriComponentsBuilder.fromPath("/beheer")
                .queryParam("processingGroup", processingGroup).queryParam("evicted", evicted.evicted())
                .encode().build().toUriString() + "#dead-letters");
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
