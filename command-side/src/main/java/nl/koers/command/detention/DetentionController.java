package nl.koers.command.detention;

import nl.koers.command.common.TrajectoryCommands;
import nl.koers.events.common.FieldLimits;
import nl.koers.events.detention.DetentionType;
import nl.koers.events.detention.EndDetention;
import nl.koers.events.detention.RecordNetworkMeeting;
import nl.koers.events.detention.RecordTrajectoryMeeting;
import nl.koers.events.detention.ReleaseReason;
import nl.koers.events.detention.SetPerspectiefplan;
import nl.koers.events.detention.StartDetention;
import nl.koers.events.detention.StartStp;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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
    public ResponseEntity<Map<String, Object>> start(@PathVariable String id, @RequestBody StartRequest body) {
        return commands.record(id, checks -> {
            checks.required("type", body.type());
            checks.required("facility", body.facility());
            checks.maxLength("facility", body.facility(), FieldLimits.FACILITY);
            checks.pastOrToday("startedOn", body.startedOn());
        }, on -> new StartDetention(on.trajectory(), body.type(), body.facility().trim(), body.startedOn(), on.by()));
    }

    @PostMapping("/current/network-meeting")
    public ResponseEntity<Map<String, Object>> networkMeeting(@PathVariable String id, @RequestBody HeldRequest body) {
        return commands.record(id, checks -> checks.pastOrToday("heldOn", body.heldOn()),
                on -> new RecordNetworkMeeting(on.trajectory(), body.heldOn(), on.by()));
    }

    @PostMapping("/current/perspectiefplan")
    public ResponseEntity<Map<String, Object>> perspectiefplan(@PathVariable String id,
                                                               @RequestBody PerspectiefplanRequest body) {
        return commands.record(id, checks -> {
            checks.pastOrToday("setOn", body.setOn());
            checks.maxLength("summary", body.summary(), FieldLimits.NOTE);
        }, on -> new SetPerspectiefplan(on.trajectory(), body.setOn(), on.seal(body.summary()), on.by()));
    }

    @PostMapping("/current/trajectory-meeting")
    public ResponseEntity<Map<String, Object>> trajectoryMeeting(@PathVariable String id,
                                                                 @RequestBody HeldRequest body) {
        return commands.record(id, checks -> checks.pastOrToday("heldOn", body.heldOn()),
                on -> new RecordTrajectoryMeeting(on.trajectory(), body.heldOn(), on.by()));
    }

    @PostMapping("/current/stp")
    public ResponseEntity<Map<String, Object>> stp(@PathVariable String id, @RequestBody StpRequest body) {
        return commands.record(id, checks -> checks.pastOrToday("startedOn", body.startedOn()),
                on -> new StartStp(on.trajectory(), body.startedOn(), on.by()));
    }

    @PostMapping("/current/end")
    public ResponseEntity<Map<String, Object>> end(@PathVariable String id, @RequestBody EndRequest body) {
        return commands.record(id, checks -> {
            checks.pastOrToday("endedOn", body.endedOn());
            checks.required("reason", body.reason());
        }, on -> new EndDetention(on.trajectory(), body.endedOn(), body.reason(), on.by()));
    }
}
