package nl.koers.command.intervention;

import nl.koers.command.common.Created;
import nl.koers.command.common.IfMatch;
import nl.koers.command.common.Limits;
import nl.koers.command.common.TrajectoryCommands;
import nl.koers.events.common.InterventionId;
import nl.koers.events.intervention.CompleteIntervention;
import nl.koers.events.intervention.PlanIntervention;
import nl.koers.events.intervention.RecordIntervention;
import nl.koers.events.intervention.StartIntervention;
import nl.koers.events.intervention.StopIntervention;
import nl.koers.events.intervention.StopReason;
import nl.koers.events.reference.ReferenceData;
import nl.koers.platform.web.ApiProblem;
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

/** HTTP → intervention commands: record one (started, optionally ended), plan, start, complete, stop. */
@RestController
@RequestMapping("/api/trajectories/{id}/interventions")
public class InterventionController {
    private final TrajectoryCommands commands;

    public InterventionController(TrajectoryCommands commands) {
        this.commands = commands;
    }

    public record RecordRequest(String type, LocalDate startedOn, LocalDate endedOn, String note) {
        @Override
        public String toString() {
            return "RecordRequest[" + type + ", note hidden]";
        }
    }

    public record PlanRequest(String type, LocalDate plannedOn) {
    }

    public record StartRequest(LocalDate startedOn, String note) {
        @Override
        public String toString() {
            return "StartRequest[note hidden]";
        }
    }

    public record CompleteRequest(LocalDate completedOn) {
    }

    public record StopRequest(LocalDate stoppedOn, StopReason reason) {
    }

    /** api.md: an intervention that started (and, with {@code endedOn}, also completed). */
    @PostMapping
    public ResponseEntity<Map<String, Object>> record(@PathVariable String id, @RequestBody RecordRequest body,
                                                      @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        FieldChecks checks = commands.checks();
        type(checks, body.type());
        boolean started = checks.pastOrToday("startedOn", body.startedOn());
        if (body.endedOn() != null && checks.pastOrToday("endedOn", body.endedOn()) && started) {
            checks.check(!body.endedOn().isBefore(body.startedOn()), "endedOn", "lies before startedOn");
        }
        checks.maxLength("note", body.note(), Limits.NOTE);
        InterventionId intervention = InterventionId.newId();
        long version = commands.record(id, ifMatch, checks, (trajectory, user) -> new RecordIntervention(trajectory,
                intervention, body.type(), body.startedOn(), body.endedOn(), commands.seal(trajectory, body.note()),
                user.username()));
        return Created.with(version, Map.of("interventionId", intervention.value()));
    }

    @PostMapping("/planned")
    public ResponseEntity<Map<String, Object>> plan(@PathVariable String id, @RequestBody PlanRequest body,
                                                    @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        FieldChecks checks = commands.checks();
        type(checks, body.type());
        checks.pastOrToday("plannedOn", body.plannedOn());
        InterventionId intervention = InterventionId.newId();
        long version = commands.record(id, ifMatch, checks, (trajectory, user) -> new PlanIntervention(trajectory,
                intervention, body.type(), body.plannedOn(), user.username()));
        return Created.with(version, Map.of("interventionId", intervention.value()));
    }

    @PostMapping("/{interventionId}/start")
    public ResponseEntity<Map<String, Object>> start(@PathVariable String id, @PathVariable String interventionId,
                                                     @RequestBody StartRequest body,
                                                     @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        FieldChecks checks = commands.checks();
        checks.pastOrToday("startedOn", body.startedOn());
        checks.maxLength("note", body.note(), Limits.NOTE);
        // No type: only a planned intervention can be started here (an unknown id is 404).
        return Created.version(commands.record(id, ifMatch, checks, (trajectory, user) -> new StartIntervention(
                trajectory, intervention(interventionId), null, body.startedOn(),
                commands.seal(trajectory, body.note()), user.username())));
    }

    @PostMapping("/{interventionId}/complete")
    public ResponseEntity<Map<String, Object>> complete(@PathVariable String id, @PathVariable String interventionId,
                                                        @RequestBody CompleteRequest body,
                                                        @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        FieldChecks checks = commands.checks();
        checks.pastOrToday("completedOn", body.completedOn());
        return Created.version(commands.record(id, ifMatch, checks, (trajectory, user) ->
                new CompleteIntervention(trajectory, intervention(interventionId), body.completedOn(),
                        user.username())));
    }

    @PostMapping("/{interventionId}/stop")
    public ResponseEntity<Map<String, Object>> stop(@PathVariable String id, @PathVariable String interventionId,
                                                    @RequestBody StopRequest body,
                                                    @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        FieldChecks checks = commands.checks();
        checks.pastOrToday("stoppedOn", body.stoppedOn());
        checks.required("reason", body.reason());
        return Created.version(commands.record(id, ifMatch, checks, (trajectory, user) ->
                new StopIntervention(trajectory, intervention(interventionId), body.stoppedOn(), body.reason(),
                        user.username())));
    }

    private static void type(FieldChecks checks, String type) {
        if (checks.required("type", type)) {
            checks.check(ReferenceData.get().inCatalogue(Interventions.CATALOGUE, type), "type",
                    "is not in the catalogue " + Interventions.CATALOGUE);
        }
    }

    private static InterventionId intervention(String pathId) {
        try {
            return new InterventionId(pathId);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("no such intervention");
        }
    }
}
