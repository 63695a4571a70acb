package nl.koers.command.trajectory;

import nl.koers.command.common.Created;
import nl.koers.command.common.ReferenceChecks;
import nl.koers.command.common.TrajectoryCommands;
import nl.koers.events.reference.ReferenceData;
import nl.koers.events.reference.Wijk;
import nl.koers.events.trajectory.AssignCaseworker;
import nl.koers.events.trajectory.CloseTrajectory;
import nl.koers.events.trajectory.ClosureReason;
import nl.koers.events.trajectory.TransferTrajectory;
import nl.koers.platform.security.CurrentUser;
import nl.koers.platform.security.KoersUser;
import nl.koers.platform.web.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;

/**
 * HTTP → commands for the trajectory itself: open, close, caseworker, transfer. Each endpoint checks in the order
 * of api.md: the body (400), the role (403), then the trajectory decides (404, 409).
 */
@RestController
@RequestMapping("/api/trajectories")
public class TrajectoryController {
    private final TrajectoryOpening opening;
    private final CurrentUser currentUser;
    private final TrajectoryCommands commands;
    private final Caseworkers caseworkers;

    public TrajectoryController(TrajectoryOpening opening, CurrentUser currentUser, TrajectoryCommands commands,
                                Caseworkers caseworkers) {
        this.opening = opening;
        this.currentUser = currentUser;
        this.commands = commands;
        this.caseworkers = caseworkers;
    }

    public record CloseRequest(LocalDate closedOn, ClosureReason reason) {
    }

    public record CaseworkerRequest(String caseworker, LocalDate assignedOn) {
    }

    public record TransferRequest(String neighbourhood, LocalDate transferredOn) {
        /** The target district; present once the request passed its checks. */
        Wijk target() {
            return ReferenceData.get().wijk(neighbourhood).orElseThrow();
        }
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> open(@RequestBody OpenTrajectoryRequest request) {
        TrajectoryOpening.Opened opened = opening.open(request, currentUser.get());
        return Created.at(URI.create("/api/trajectories/" + opened.trajectoryId()), opened.version(),
                Map.of("trajectoryId", opened.trajectoryId().value(), "youthId", opened.youthId().value()));
    }

    @PostMapping("/{id}/close")
    public ResponseEntity<Map<String, Object>> close(@PathVariable String id, @RequestBody CloseRequest body) {
        return commands.record(id, checks -> {
            checks.pastOrToday("closedOn", body.closedOn());
            checks.required("reason", body.reason());
        }, on -> new CloseTrajectory(on.trajectory(), body.closedOn(), body.reason(), on.by()));
    }

    @PostMapping("/{id}/caseworker")
    public ResponseEntity<Map<String, Object>> assignCaseworker(@PathVariable String id,
                                                                @RequestBody CaseworkerRequest body) {
        return commands.record(id, checks -> {
            caseworkers.check(checks, "caseworker", body.caseworker());
            checks.pastOrToday("assignedOn", body.assignedOn());
        }, on -> new AssignCaseworker(on.trajectory(), body.caseworker().trim(), body.assignedOn(), on.by()));
    }

    /** The worker needs scope for the target area too, or the trajectory would leave their hands unseen. */
    @PostMapping("/{id}/transfer")
    public ResponseEntity<Map<String, Object>> transfer(@PathVariable String id, @RequestBody TransferRequest body) {
        return commands.record(id, checks -> {
            ReferenceChecks.wijk(checks, body.neighbourhood());
            checks.pastOrToday("transferredOn", body.transferredOn());
        }, user -> mayWorkIn(user, body.target()), on -> new TransferTrajectory(on.trajectory(), body.target().code(),
                body.target().focusArea(), body.transferredOn(), on.by()));
    }

    private static void mayWorkIn(KoersUser user, Wijk target) {
        if (target.focusArea() == null || !user.hasScope(target.focusArea())) {
            throw ApiProblem.forbidden("the target neighbourhood is outside your focus areas");
        }
    }
}
