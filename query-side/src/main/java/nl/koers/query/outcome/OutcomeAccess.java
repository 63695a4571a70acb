package nl.koers.query.outcome;

import nl.koers.platform.security.KoersUser;
import nl.koers.query.common.AggregateReadPolicy;
import org.springframework.stereotype.Service;

/** Who may read outcome figures of a focus area: see {@link AggregateReadPolicy}. */
@Service
public class OutcomeAccess {
    private final AggregateReadPolicy policy;

    public OutcomeAccess(AggregateReadPolicy policy) {
        this.policy = policy;
    }

    void checkRead(KoersUser user, String focusArea) {
        policy.checkFocusArea(user, focusArea);
    }
}
