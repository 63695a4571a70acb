package nl.koers.query.outcome;

import nl.koers.events.reference.ReferenceData;
import nl.koers.platform.security.KoersUser;
import nl.koers.platform.web.FieldChecks;
import nl.koers.query.common.AggregateReadPolicy;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The outcome measures of a focus area and cohort for the person reading them ({@link AggregateReadPolicy}: policy
 * analysts everywhere, youth workers for their own focus areas), small counts suppressed for everyone
 * ({@link SmallCounts}).
 */
@Service
public record OutcomeReader(OutcomeQueries queries, AggregateReadPolicy policy, Clock clock) {
    /** Both are required: a focus area code and a cohort from {@link #cohorts()} (400 otherwise). */
    public Map<String, Object> outcomes(KoersUser reader, String focusArea, Integer cohort) {
        FieldChecks checks = new FieldChecks(clock);
        if (checks.required("focusArea", focusArea)) {
            checks.check(ReferenceData.get().focusArea(focusArea).isPresent(), "focusArea", "is not a focus area");
        }
        if (checks.required("cohort", cohort)) {
            checks.check(queries.cohorts().contains(cohort), "cohort",
                    "must be a year from 2022 (the programme's start) to this year");
        }
        checks.throwIfAny();
        policy.checkFocusArea(reader, focusArea);
        return queries.outcomes(focusArea, cohort);
    }

    /** The cohorts that can exist: the years from the programme's start (2022) to this year. */
    public List<Integer> cohorts() {
        return queries.cohorts();
    }
}
