package nl.koers.command.trajectory;

import nl.koers.command.common.Created;
import nl.koers.command.common.IfMatch;
import nl.koers.command.common.TrajectoryCommands;
import nl.koers.events.common.TrajectoryId;
import nl.koers.events.reference.ReferenceData;
import nl.koers.events.reference.Wijk;
import nl.koers.events.trajectory.AssignCaseworker;
import nl.koers.events.trajectory.CloseTrajectory;
import nl.koers.events.trajectory.ClosureReason;
import nl.koers.events.trajectory.TransferTrajectory;
import nl.koers.platform.security.CurrentUser;
import nl.koers.platform.security.KoersUser;
import nl.koers.platform.web.ApiProblem;
import nl.koers.platform.web.FieldChecks;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

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

    public TrajectoryController(TrajectoryOpening opening, CurrentUser currentUser, TrajectoryCommands commands) {
        this.opening = opening;
        this.currentUser = currentUser;
        this.commands = commands;
    }

    public record CloseRequest(LocalDate closedOn, ClosureReason reason) {
    }

    public record CaseworkerRequest(String caseworker, LocalDate assignedOn) {
    }

    public record TransferRequest(String neighbourhood, LocalDate transferredOn) {
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> open(@RequestBody OpenTrajectoryRequest request) {
        TrajectoryOpening.Opened opened = opening.open(request, currentUser.get());
        return ResponseEntity.created(URI.create("/api/trajectories/" + opened.trajectoryId()))
                .header(HttpHeaders.ETAG, IfMatch.etag(opened.version()))
                .body(Map.of("trajectoryId", opened.trajectoryId().value(), "youthId", opened.youthId().value(),
                        "version", opened.version()));
    }

    @PostMapping("/{id}/close")
    public ResponseEntity<Map<String, Object>> close(@PathVariable String id, @RequestBody CloseRequest body,
                                                     @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        FieldChecks checks = commands.checks();
        checks.pastOrToday("closedOn", body.closedOn());
        checks.required("reason", body.reason());
        return Created.version(commands.record(id, ifMatch, checks, (trajectory, user) ->
                new CloseTrajectory(trajectory, body.closedOn(), body.reason(), user.username())));
    }

    @PostMapping("/{id}/caseworker")
    public ResponseEntity<Map<String, Object>> assignCaseworker(@PathVariable String id,
                                                                @RequestBody CaseworkerRequest body,
                                                                @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        FieldChecks checks = commands.checks();
        checks.required("caseworker", body.caseworker());
        checks.maxLength("caseworker", body.caseworker(), 100);
        checks.pastOrToday("assignedOn", body.assignedOn());
        return Created.version(commands.record(id, ifMatch, checks, (trajectory, user) ->
                new AssignCaseworker(trajectory, body.caseworker().trim(), body.assignedOn(), user.username())));
    }

    /** The worker needs scope for the target area too, or the trajectory would leave their hands unseen. */
    @PostMapping("/{id}/transfer")
    public ResponseEntity<Map<String, Object>> transfer(@PathVariable String id, @RequestBody TransferRequest body,
                                                        @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        FieldChecks checks = commands.checks();
        Optional<Wijk> target = Optional.empty();
        if (checks.required("neighbourhood", body.neighbourhood())) {
            target = ReferenceData.get().wijk(body.neighbourhood());
            checks.check(target.isPresent(), "neighbourhood",
                    "is not a CBS 2024 wijk code of the programme's municipalities");
        }
        checks.pastOrToday("transferredOn", body.transferredOn());
        Long expected = IfMatch.expectedVersion(ifMatch, checks);
        checks.throwIfAny();
        KoersUser user = commands.youthWorker();
        Wijk wijk = target.orElseThrow();
        if (wijk.focusArea() == null || !user.hasScope(wijk.focusArea())) {
            throw ApiProblem.forbidden("the target neighbourhood is outside your focus areas");
        }
        TrajectoryId trajectory = commands.trajectory(id);
        return Created.version(commands.send(new TransferTrajectory(trajectory, wijk.code(), wijk.focusArea(),
                body.transferredOn(), user.username()), user, expected));
    }
}
