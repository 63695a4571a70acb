package nl.koers.query.caseload;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.koers.events.reference.ReferenceData;
import nl.koers.pages.Cells;
import nl.koers.pages.Csv;
import nl.koers.pages.map.WijkMap;
import nl.koers.platform.security.CurrentUser;
import nl.koers.platform.security.KoersUser;
import nl.koers.query.common.AggregateReadPolicy;
import nl.koers.query.common.FocusAreaChoices;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /wijken?focusArea=FA03}: the caseload of a focus area per wijk, as a map of its CBS wijken and a
 * table with the same figures; without {@code focusArea} a chooser of the areas this user may see.
 * {@code GET /wijken.csv?focusArea=} downloads the table. The figures come from the reader the API answers from
 * ({@code GET /api/caseload?focusArea=}): same checks, same suppression, same 400/403.
 */
@Controller
public class CaseloadPage {
    private final CaseloadReader reader;
    private final AggregateReadPolicy policy;
    private final CurrentUser currentUser;
    private final WijkMap map;
    private final ObjectMapper json;
    private final MessageSource messages;

    public CaseloadPage(CaseloadReader reader, AggregateReadPolicy policy, CurrentUser currentUser, WijkMap map,
                        ObjectMapper json, MessageSource messages) {
        this.reader = reader;
        this.policy = policy;
        this.currentUser = currentUser;
        this.map = map;
        this.json = json;
        this.messages = messages;
    }

    @GetMapping("/wijken")
    public String caseload(@RequestParam(required = false) String focusArea, Model model, Locale locale) {
        KoersUser user = currentUser.get();
        model.addAttribute("choices", FocusAreaChoices.readable(user, policy));
        model.addAttribute("focusArea", focusArea);
        if (focusArea == null || focusArea.isBlank()) {
            return "caseload/wijken";
        }
        CaseloadFigures figures = figures(focusArea);
        model.addAttribute("area", ReferenceData.get().focusArea(focusArea).orElseThrow());
        model.addAttribute("figures", figures);
        model.addAttribute("map", map.draw(figures.mapAreas(messages.getMessage("count.withheld", null, locale),
                messages.getMessage("caseload.map.title", null, locale))));
        return "caseload/wijken";
    }

    @GetMapping("/wijken.csv")
    public ResponseEntity<String> csv(@RequestParam(required = false) String focusArea, Locale locale) {
        CaseloadFigures figures = figures(focusArea);
        String withheld = messages.getMessage("count.withheld", null, locale);
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("wijk_code", "wijk_name", "inhabitants"));
        CaseloadFigures.PHASES.forEach(phase -> header.add("active_" + phase.toLowerCase(Locale.ROOT)));
        header.addAll(List.of("active_total", "active_per_1000_inhabitants", "opened_last_30_days",
                "closed_last_30_days", "overdue_network_meetings", "without_contact_30_days"));
        rows.add(header);
        for (CaseloadFigures.Row row : figures.rows()) {
            rows.add(line(row, row.code(), row.name(), withheld));
        }
        rows.add(line(figures.total(), figures.focusArea(), "total", withheld));
        return Csv.download("wijken-" + figures.focusArea() + ".csv", rows);
    }

    private static List<String> line(CaseloadFigures.Row row, String code, String name, String withheld) {
        List<String> line = new ArrayList<>(List.of(code, name, String.valueOf(row.inhabitants())));
        List<Object> cells = row.cells();
        for (int i = 0; i < cells.size(); i++) {
            line.add(Cells.text(cells.get(i), withheld));
            if (i == CaseloadFigures.PHASES.size()) {
                line.add(row.perThousand() == null ? "" : String.valueOf(row.perThousand()));
            }
        }
        return line;
    }

    @SuppressWarnings("unchecked")
    private CaseloadFigures figures(String focusArea) {
        Object answer = reader.caseload(currentUser.get(), CaseloadScope.of(null, focusArea == null ? "" : focusArea, null));
        return CaseloadFigures.of(json.convertValue(answer, Map.class));
    }
}
