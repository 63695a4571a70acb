package nl.koers.query.outcome;

import nl.koers.platform.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** {@code GET /api/outcomes?focusArea=FA03&cohort=2026}: outcome measures with small counts suppressed. */
@RestController
@RequestMapping("/api/outcomes")
public record OutcomeController(OutcomeReader reader, CurrentUser currentUser) {
    @GetMapping
    public Map<String, Object> outcomes(@RequestParam(required = false) String focusArea,
                                        @RequestParam(required = false) Integer cohort) {
        return reader.outcomes(currentUser.get(), focusArea, cohort);
    }
}
