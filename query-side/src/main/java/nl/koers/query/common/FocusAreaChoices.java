package nl.koers.query.common;

import nl.koers.events.reference.FocusArea;
import nl.koers.events.reference.ReferenceData;
import nl.koers.platform.security.KoersUser;
import nl.koers.platform.web.ApiProblem;

import java.util.ArrayList;
import java.util.List;

/** The focus areas a page offers to choose from: those whose figures the user may read by the API's rule. */
public final class FocusAreaChoices {
    private FocusAreaChoices() {
    }

    /** Every focus area {@link AggregateReadPolicy} lets this user read; a user who may read none gets the 403. */
    public static List<FocusArea> readable(KoersUser user, AggregateReadPolicy policy) {
        List<FocusArea> allowed = new ArrayList<>();
        ApiProblem refusal = null;
        for (FocusArea area : ReferenceData.get().focusAreas()) {
            try {
                policy.checkFocusArea(user, area.code().value());
                allowed.add(area);
            } catch (ApiProblem e) {
                refusal = e;
            }
        }
        if (allowed.isEmpty() && refusal != null) {
            throw refusal;
        }
        return allowed;
    }
}
