package nl.koers.command.outcome;

import nl.koers.command.common.TrajectoryCommands;
import nl.koers.events.outcome.OutcomeKind;
import nl.koers.events.outcome.RecordOutcome;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Map;

/** HTTP → outcomes (school, qualification, work); also accepted as follow-up after close. */
@RestController
@RequestMapping("/api/trajectories/{id}/outcomes")
public class OutcomeController {
    private final TrajectoryCommands commands;

    public OutcomeController(TrajectoryCommands commands) {
        this.commands = commands;
    }

    public record OutcomeRequest(OutcomeKind kind, LocalDate achievedOn) {
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> record(@PathVariable String id, @RequestBody OutcomeRequest body) {
        return commands.record(id, checks -> {
            checks.required("kind", body.kind());
            checks.pastOrToday("achievedOn", body.achievedOn());
        }, on -> new RecordOutcome(on.trajectory(), body.kind(), body.achievedOn(), on.by()));
    }
}
