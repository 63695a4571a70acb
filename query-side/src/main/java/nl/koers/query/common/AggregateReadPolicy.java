package nl.koers.query.common;

import nl.koers.events.reference.ReferenceData;
import nl.koers.events.reference.Wijk;
import nl.koers.platform.security.KoersUser;
import nl.koers.platform.web.ApiProblem;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Who may read aggregated views (caseload, outcomes): policy analysts for every area, youth workers for the
 * districts of their own focus areas (their caseload). Justice liaisons, auditors and administrators have no
 * purpose for them (403). Checked after the request itself is valid, before anything is read.
 */
@Component
public class AggregateReadPolicy {

    /** {@code wijken}: every district the requested figures count. */
    public void check(KoersUser user, List<Wijk> wijken) {
        switch (user.role()) {
            case POLICY_ANALYST -> {
                // every area; small counts are suppressed in what they are shown (AnalystCaseload, SmallCounts)
            }
            case YOUTH_WORKER -> {
                boolean allInScope = !wijken.isEmpty() && wijken.stream().allMatch(w -> user.hasScope(w.focusArea()));
                if (!allInScope) {
                    throw ApiProblem.forbidden("these figures cover districts outside your focus areas");
                }
            }
            default -> throw ApiProblem.forbidden("your role does not read caseload or outcome figures");
        }
    }

    public void checkFocusArea(KoersUser user, String focusArea) {
        check(user, ReferenceData.get().focusArea(focusArea)
                .map(area -> area.wijken().stream().map(code -> ReferenceData.get().wijk(code).orElseThrow()).toList())
                .orElse(List.of()));
    }
}
