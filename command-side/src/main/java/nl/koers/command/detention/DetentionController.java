package nl.koers.command.detention;

import nl.koers.command.common.Created;
import nl.koers.command.common.IfMatch;
import nl.koers.command.common.Limits;
import nl.koers.command.common.TrajectoryCommands;
import nl.koers.events.detention.DetentionType;
import nl.koers.events.detention.EndDetention;
import nl.koers.events.detention.RecordNetworkMeeting;
import nl.koers.events.detention.RecordTrajectoryMeeting;
import nl.koers.events.detention.ReleaseReason;
import nl.koers.events.detention.SetPerspectiefplan;
import nl.koers.events.detention.StartDetention;
import nl.koers.events.detention.StartStp;
import nl.koers.platform.web.FieldChecks;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Map;

/**
 * HTTP → detention commands: start one, then the steps of the current one (network meeting, perspectiefplan,
 * trajectory meeting, STP) and its end, from which aftercare starts.
 */
@RestController
@RequestMapping("/api/trajectories/{id}/detentions")
public class DetentionController {
    private final TrajectoryCommands commands;

    public DetentionController(TrajectoryCommands commands) {
        this.commands = commands;
    }

    /** {@code facility}: the name of the youth detention centre (JJI). */
    public record StartRequest(DetentionType type, String facility, LocalDate startedOn) {
    }

    public record HeldRequest(LocalDate heldOn) {
    }

    public record PerspectiefplanRequest(LocalDate setOn, String summary) {
        @Override
        public String toString() {
            return "PerspectiefplanRequest[summary hidden]";
        }
    }

    public record StpRequest(LocalDate startedOn) {
    }

    public record EndRequest(LocalDate endedOn, ReleaseReason reason) {
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> start(@PathVariable String id, @RequestBody StartRequest body,
                                                     @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        FieldChecks checks = commands.checks();
        checks.required("type", body.type());
        checks.required("facility", body.facility());
        checks.maxLength("facility", body.facility(), Detentions.FACILITY_MAX);
        checks.pastOrToday("startedOn", body.startedOn());
        return Created.version(commands.record(id, ifMatch, checks, (trajectory, user) ->
                new StartDetention(trajectory, body.type(), body.facility().trim(), body.startedOn(),
                        user.username())));
    }

    @PostMapping("/current/network-meeting")
    public ResponseEntity<Map<String, Object>> networkMeeting(@PathVariable String id, @RequestBody HeldRequest body,
                                                              @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        FieldChecks checks = commands.checks();
        checks.pastOrToday("heldOn", body.heldOn());
        return Created.version(commands.record(id, ifMatch, checks, (trajectory, user) ->
                new RecordNetworkMeeting(trajectory, body.heldOn(), user.username())));
    }

    @PostMapping("/current/perspectiefplan")
    public ResponseEntity<Map<String, Object>> perspectiefplan(@PathVariable String id,
                                                               @RequestBody PerspectiefplanRequest body,
                                                               @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        FieldChecks checks = commands.checks();
        checks.pastOrToday("setOn", body.setOn());
        checks.maxLength("summary", body.summary(), Limits.NOTE);
        return Created.version(commands.record(id, ifMatch, checks, (trajectory, user) ->
                new SetPerspectiefplan(trajectory, body.setOn(), commands.seal(trajectory, body.summary()),
                        user.username())));
    }

    @PostMapping("/current/trajectory-meeting")
    public ResponseEntity<Map<String, Object>> trajectoryMeeting(@PathVariable String id, @RequestBody HeldRequest body,
                                                                 @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        FieldChecks checks = commands.checks();
        checks.pastOrToday("heldOn", body.heldOn());
        return Created.version(commands.record(id, ifMatch, checks, (trajectory, user) ->
                new RecordTrajectoryMeeting(trajectory, body.heldOn(), user.username())));
    }

    @PostMapping("/current/stp")
    public ResponseEntity<Map<String, Object>> stp(@PathVariable String id, @RequestBody StpRequest body,
                                                   @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        FieldChecks checks = commands.checks();
        checks.pastOrToday("startedOn", body.startedOn());
        return Created.version(commands.record(id, ifMatch, checks, (trajectory, user) ->
                new StartStp(trajectory, body.startedOn(), user.username())));
    }

    @PostMapping("/current/end")
    public ResponseEntity<Map<String, Object>> end(@PathVariable String id, @RequestBody EndRequest body,
                                                   @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        FieldChecks checks = commands.checks();
        checks.pastOrToday("endedOn", body.endedOn());
        checks.required("reason", body.reason());
        return Created.version(commands.record(id, ifMatch, checks, (trajectory, user) ->
                new EndDetention(trajectory, body.endedOn(), body.reason(), user.username())));
    }
}
