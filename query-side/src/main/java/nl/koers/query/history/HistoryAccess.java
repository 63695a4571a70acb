package nl.koers.query.history;

import nl.koers.platform.security.KoersUser;
import nl.koers.query.common.IndividualReadPolicy;
import org.springframework.stereotype.Service;

/** Who may read a trajectory's history (the place to add access logging and finer rules). */
@Service
public class HistoryAccess {
    private final IndividualReadPolicy policy;

    public HistoryAccess(IndividualReadPolicy policy) {
        this.policy = policy;
    }

    void checkReader(KoersUser user, String purpose) {
        policy.checkReader(user, purpose);
    }

    void checkRead(KoersUser user, String focusArea, String trajectoryId, String youthId, String purpose) {
        policy.checkArea(user, focusArea);
        policy.logRead(user, "READ_HISTORY", trajectoryId, youthId, purpose);
    }
}
