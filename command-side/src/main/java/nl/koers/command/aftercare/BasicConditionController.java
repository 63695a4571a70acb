package nl.koers.command.aftercare;

import nl.koers.command.common.TrajectoryCommands;
import nl.koers.events.aftercare.AssessBasicCondition;
import nl.koers.events.aftercare.BasicCondition;
import nl.koers.events.aftercare.ConditionStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Map;

/** HTTP → the basic conditions for re-integration (five plus daytime activity), met / partly / not met. */
@RestController
@RequestMapping("/api/trajectories/{id}/basic-conditions")
public class BasicConditionController {
    private final TrajectoryCommands commands;

    public BasicConditionController(TrajectoryCommands commands) {
        this.commands = commands;
    }

    public record BasicConditionRequest(BasicCondition condition, ConditionStatus status, LocalDate assessedOn) {
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> assess(@PathVariable String id,
                                                      @RequestBody BasicConditionRequest body) {
        return commands.record(id, checks -> {
            checks.required("condition", body.condition());
            checks.required("status", body.status());
            checks.pastOrToday("assessedOn", body.assessedOn());
        }, on -> new AssessBasicCondition(on.trajectory(), body.condition(), body.status(), body.assessedOn(),
                on.by()));
    }
}
