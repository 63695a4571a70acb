package nl.koers.query.summary;

import nl.koers.platform.security.KoersUser;
import nl.koers.query.common.IndividualReadPolicy;
import org.springframework.stereotype.Service;

import java.util.Optional;
import java.util.Set;

/** Who may read trajectory summaries and lists; every summary and list row handed out is logged. */
@Service
public class SummaryAccess {
    private final IndividualReadPolicy policy;

    public SummaryAccess(IndividualReadPolicy policy) {
        this.policy = policy;
    }

    void checkReader(KoersUser user, String purpose) {
        policy.checkReader(user, purpose);
    }

    void checkRead(KoersUser user, TrajectorySummary summary, String purpose) {
        policy.checkArea(user, summary.focusArea());
        policy.logRead(user, "READ_SUMMARY", summary.trajectoryId(), summary.youthId(), purpose);
    }

    /** Every row of a list is a read of that trajectory. */
    void logListed(KoersUser user, TrajectorySummary summary, String purpose) {
        policy.logRead(user, "LIST", summary.trajectoryId(), summary.youthId(), purpose);
    }

    /** Empty: every area; otherwise the areas a list is limited to. */
    Optional<Set<String>> checkList(KoersUser user, String purpose, String focusArea) {
        policy.checkReader(user, purpose);
        return policy.listableAreas(user, focusArea);
    }
}
