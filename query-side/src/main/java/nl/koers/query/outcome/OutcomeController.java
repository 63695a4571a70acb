package nl.koers.query.outcome;

import nl.koers.events.reference.ReferenceData;
import nl.koers.platform.security.CurrentUser;
import nl.koers.platform.web.FieldChecks;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.Map;

/** {@code GET /api/outcomes?focusArea=FA03&cohort=2026}: outcome measures with small counts suppressed. */
@RestController
@RequestMapping("/api/outcomes")
public class OutcomeController {
    private final OutcomeQueries queries;
    private final OutcomeAccess access;
    private final CurrentUser currentUser;
    private final Clock clock;

    public OutcomeController(OutcomeQueries queries, OutcomeAccess access, CurrentUser currentUser, Clock clock) {
        this.queries = queries;
        this.access = access;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @GetMapping
    public Map<String, Object> outcomes(@RequestParam(required = false) String focusArea,
                                        @RequestParam(required = false) Integer cohort) {
        var user = currentUser.get();
        FieldChecks checks = new FieldChecks(clock);
        if (checks.required("focusArea", focusArea)) {
            checks.check(ReferenceData.get().focusArea(focusArea).isPresent(), "focusArea", "is not a focus area");
        }
        if (checks.required("cohort", cohort)) {
            checks.check(queries.cohorts().contains(cohort), "cohort",
                    "must be a year from 2022 (the programme's start) to this year");
        }
        checks.throwIfAny();
        access.checkRead(user, focusArea);
        return queries.outcomes(focusArea, cohort);
    }
}
