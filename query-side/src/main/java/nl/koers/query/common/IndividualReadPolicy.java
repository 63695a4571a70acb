package nl.koers.query.common;

import nl.koers.events.common.FocusAreaCode;
import nl.koers.platform.accesslog.AccessLog;
import nl.koers.platform.security.KoersUser;
import nl.koers.platform.web.ApiProblem;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may read individual trajectories (summary, list, history): youth workers within their focus areas and
 * justice liaisons for a stated purpose ({@code X-Purpose}). Policy analysts, auditors and administrators never
 * do (purpose limitation: administrators erase by youth id without reading the file). The readers of the views
 * call these checks in api.md's order: 400 (no purpose) before 403 before 404, and log every granted read.
 */
@Component
public class IndividualReadPolicy {
    public static final String PURPOSE_HEADER = "X-Purpose";
    static final int MAX_PURPOSE_LENGTH = 500;
    private final AccessLog accessLog;

    public IndividualReadPolicy(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    /** NEN 7513: who read which trajectory (pseudonymous ids), when, as what and why. */
    public void logRead(KoersUser user, String action, String trajectoryId, String youthId, String purpose) {
        accessLog.granted(user.username(), user.role().name(), action, "/api/trajectories/" + trajectoryId,
                trajectoryId, youthId, purpose);
    }

    /** The rows of a list, a search or a worklist: one access-log entry per trajectory shown, written together. */
    public void logReads(KoersUser user, String action, List<AccessLog.Read> reads, String purpose) {
        accessLog.grantedEach(user.username(), user.role().name(), action, reads, purpose);
    }

    /** Role and purpose; call before loading anything. */
    public void checkReader(KoersUser user, String purpose) {
        switch (user.role()) {
            case JUSTICE_LIAISON -> {
                if (purpose == null || purpose.isBlank()) {
                    throw ApiProblem.invalid(PURPOSE_HEADER, "is required: state why you read this trajectory");
                }
                if (purpose.length() > MAX_PURPOSE_LENGTH) {
                    throw ApiProblem.invalid(PURPOSE_HEADER, "is longer than " + MAX_PURPOSE_LENGTH + " characters");
                }
            }
            case YOUTH_WORKER -> {
                // allowed; youth workers are further limited to their areas
            }
            case POLICY_ANALYST -> throw ApiProblem.forbidden("policy analysts see aggregated views only");
            default -> throw ApiProblem.forbidden("your role does not read individual trajectories");
        }
    }

    /** The trajectory's current focus area must be in a youth worker's scope. */
    public void checkArea(KoersUser user, String focusArea) {
        FocusAreaCode area = focusArea == null ? null : new FocusAreaCode(focusArea);
        if (!user.hasScope(area)) {
            throw ApiProblem.forbidden("this trajectory is outside your focus areas");
        }
    }

    /**
     * The focus areas a list may cover: empty for all, else the user's own. Asking for an area outside them is
     * refused rather than silently answered with nothing.
     */
    public Optional<Set<String>> listableAreas(KoersUser user, String requestedFocusArea) {
        if (user.allAreas()) {
            return Optional.empty();
        }
        if (requestedFocusArea != null && !user.hasScope(new FocusAreaCode(requestedFocusArea))) {
            throw ApiProblem.forbidden("this focus area is outside your focus areas");
        }
        return Optional.of(user.focusAreas().stream().map(FocusAreaCode::value).collect(Collectors.toSet()));
    }
}
