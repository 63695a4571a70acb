package nl.koers.query.outcome;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.koers.events.reference.ReferenceData;
import nl.koers.pages.Cells;
import nl.koers.pages.Csv;
import nl.koers.platform.security.CurrentUser;
import nl.koers.query.common.AggregateReadPolicy;
import nl.koers.query.common.FocusAreaChoices;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /uitkomsten?focusArea=FA03&cohort=2026}: the outcome measures of a cohort (the year trajectories
 * were opened) with a bar chart and a table per measure; {@code GET /uitkomsten.csv?…} downloads them. Without a
 * focus area: the chooser; without a cohort: this year's. The figures come from the reader the API answers from
 * ({@code GET /api/outcomes}): same checks, same suppression.
 */
@Controller
public class OutcomePage {
    private final OutcomeReader reader;
    private final AggregateReadPolicy policy;
    private final CurrentUser currentUser;
    private final ObjectMapper json;
    private final MessageSource messages;

    public OutcomePage(OutcomeReader reader, AggregateReadPolicy policy,
                       CurrentUser currentUser, ObjectMapper json, MessageSource messages) {
        this.reader = reader;
        this.policy = policy;
        this.currentUser = currentUser;
        this.json = json;
        this.messages = messages;
    }

    @GetMapping("/uitkomsten")
    public String outcomes(@RequestParam(required = false) String focusArea,
                           @RequestParam(required = false) Integer cohort, Model model, Locale locale) {
        model.addAttribute("choices", FocusAreaChoices.readable(currentUser.get(), policy));
        List<Integer> newestFirst = new ArrayList<>(reader.cohorts());
        Collections.reverse(newestFirst);
        model.addAttribute("cohorts", newestFirst);
        model.addAttribute("focusArea", focusArea);
        model.addAttribute("cohort", cohortOrThisYear(cohort));
        if (focusArea == null || focusArea.isBlank()) {
            return "outcome/uitkomsten";
        }
        model.addAttribute("area", ReferenceData.get().focusArea(focusArea).orElse(null));
        model.addAttribute("figures", figures(focusArea, cohortOrThisYear(cohort), locale));
        return "outcome/uitkomsten";
    }

    @GetMapping("/uitkomsten.csv")
    public ResponseEntity<String> csv(@RequestParam(required = false) String focusArea,
                                      @RequestParam(required = false) Integer cohort, Locale locale) {
        OutcomeFigures figures = figures(focusArea, cohortOrThisYear(cohort), locale);
        String withheld = messages.getMessage("count.withheld", null, locale);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("focus_area", "cohort", "section", "measure", "count", "share", "of", "of_count"));
        for (OutcomeFigures.Section section : figures.sections()) {
            for (OutcomeFigures.Measure measure : section.measures()) {
                rows.add(List.of(figures.focusArea(), String.valueOf(figures.cohort()), section.key(), measure.key(),
                        Cells.text(measure.count(), withheld),
                        measure.share() == null ? "" : String.valueOf(measure.share()), section.of(),
                        section.denominator() == null ? "" : Cells.text(section.denominator(), withheld)));
            }
        }
        return Csv.download("uitkomsten-" + figures.focusArea() + "-" + figures.cohort() + ".csv", rows);
    }

    private int cohortOrThisYear(Integer cohort) {
        List<Integer> cohorts = reader.cohorts();
        return cohort != null ? cohort : cohorts.get(cohorts.size() - 1);
    }

    @SuppressWarnings("unchecked")
    private OutcomeFigures figures(String focusArea, int cohort, Locale locale) {
        Map<String, Object> answer = reader.outcomes(currentUser.get(), focusArea == null ? "" : focusArea, cohort);
        return OutcomeFigures.of(json.convertValue(answer, Map.class),
                (key, args) -> messages.getMessage(key, args.length == 0 ? null : args, locale), locale);
    }
}
