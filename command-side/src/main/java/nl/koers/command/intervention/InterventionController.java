package nl.koers.command.intervention;

import nl.koers.command.common.ReferenceChecks;
import nl.koers.command.common.TrajectoryCommands;
import nl.koers.events.common.FieldLimits;
import nl.koers.events.common.InterventionId;
import nl.koers.events.intervention.CompleteIntervention;
import nl.koers.events.intervention.PlanIntervention;
import nl.koers.events.intervention.RecordIntervention;
import nl.koers.events.intervention.StartIntervention;
import nl.koers.events.intervention.StopIntervention;
import nl.koers.events.intervention.StopReason;
import nl.koers.platform.web.ApiProblem;
import nl.koers.platform.web.FieldChecks;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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
        void check(FieldChecks checks) {
            ReferenceChecks.inCatalogue(checks, "type", Interventions.CATALOGUE, type);
            boolean started = checks.pastOrToday("startedOn", startedOn);
            if (endedOn != null && checks.pastOrToday("endedOn", endedOn) && started) {
                checks.check(!endedOn.isBefore(startedOn), "endedOn", "lies before startedOn");
            }
            checks.maxLength("note", note, FieldLimits.NOTE);
        }

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
    public ResponseEntity<Map<String, Object>> record(@PathVariable String id, @RequestBody RecordRequest body) {
        InterventionId intervention = InterventionId.newId();
        return commands.recordNew(id, Map.of("interventionId", intervention.value()), body::check,
                on -> new RecordIntervention(on.trajectory(), intervention, body.type(), body.startedOn(),
                        body.endedOn(), on.seal(body.note()), on.by()));
    }

    @PostMapping("/planned")
    public ResponseEntity<Map<String, Object>> plan(@PathVariable String id, @RequestBody PlanRequest body) {
        InterventionId intervention = InterventionId.newId();
        return commands.recordNew(id, Map.of("interventionId", intervention.value()), checks -> {
            ReferenceChecks.inCatalogue(checks, "type", Interventions.CATALOGUE, body.type());
            checks.pastOrToday("plannedOn", body.plannedOn());
        }, on -> new PlanIntervention(on.trajectory(), intervention, body.type(), body.plannedOn(), on.by()));
    }

    /** No type: only a planned intervention can be started here (an unknown id is 404). */
    @PostMapping("/{interventionId}/start")
    public ResponseEntity<Map<String, Object>> start(@PathVariable String id, @PathVariable String interventionId,
                                                     @RequestBody StartRequest body) {
        return commands.record(id, checks -> {
            checks.pastOrToday("startedOn", body.startedOn());
            checks.maxLength("note", body.note(), FieldLimits.NOTE);
        }, on -> new StartIntervention(on.trajectory(), intervention(interventionId), null, body.startedOn(),
                on.seal(body.note()), on.by()));
    }

    @PostMapping("/{interventionId}/complete")
    public ResponseEntity<Map<String, Object>> complete(@PathVariable String id, @PathVariable String interventionId,
                                                        @RequestBody CompleteRequest body) {
        return commands.record(id, checks -> checks.pastOrToday("completedOn", body.completedOn()),
                on -> new CompleteIntervention(on.trajectory(), intervention(interventionId), body.completedOn(),
                        on.by()));
    }

    @PostMapping("/{interventionId}/stop")
    public ResponseEntity<Map<String, Object>> stop(@PathVariable String id, @PathVariable String interventionId,
                                                    @RequestBody StopRequest body) {
        return commands.record(id, checks -> {
            checks.pastOrToday("stoppedOn", body.stoppedOn());
            checks.required("reason", body.reason());
        }, on -> new StopIntervention(on.trajectory(), intervention(interventionId), body.stoppedOn(), body.reason(),
                on.by()));
    }

    private static InterventionId intervention(String pathId) {
        try {
            return new InterventionId(pathId);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("no such intervention");
        }
    }
}
