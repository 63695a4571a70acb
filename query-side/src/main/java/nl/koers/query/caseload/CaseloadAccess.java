package nl.koers.query.caseload;

import nl.koers.events.reference.ReferenceData;
import nl.koers.platform.security.KoersUser;
import nl.koers.query.common.AggregateReadPolicy;
import org.springframework.stereotype.Service;

/** Who may read a caseload: see {@link AggregateReadPolicy}; the scope decides which districts count. */
@Service
public class CaseloadAccess {
    private final AggregateReadPolicy policy;

    public CaseloadAccess(AggregateReadPolicy policy) {
        this.policy = policy;
    }

    void checkRead(KoersUser user, CaseloadScope scope) {
        ReferenceData reference = ReferenceData.get();
        switch (scope.kind()) {
            case NEIGHBOURHOOD -> policy.check(user, reference.wijk(scope.code()).stream().toList());
            case FOCUS_AREA -> policy.checkFocusArea(user, scope.code());
            case GEMEENTE -> policy.check(user, reference.wijkenOfGemeente(scope.code()));
        }
    }
}
