package nl.koers.command.assessment;

import nl.koers.command.common.TrajectoryCommands;
import nl.koers.events.assessment.LifeDomain;
import nl.koers.events.assessment.RecordRiskAssessment;
import nl.koers.events.assessment.RiskLevel;
import nl.koers.platform.web.FieldChecks;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/** HTTP → risk assessments: a level per life domain (those assessed) and an overall level. */
@RestController
@RequestMapping("/api/trajectories/{id}/assessments")
public class AssessmentController {
    private final TrajectoryCommands commands;

    public AssessmentController(TrajectoryCommands commands) {
        this.commands = commands;
    }

    public record AssessmentRequest(LocalDate assessedOn, Map<LifeDomain, RiskLevel> domains, RiskLevel overall) {
        void check(FieldChecks checks) {
            checks.pastOrToday("assessedOn", assessedOn);
            if (checks.required("domains", domains)) {
                checks.check(!domains.isEmpty(), "domains", "needs a level for at least one life domain");
                domains.forEach((domain, level) -> checks.check(level != null, "domains." + domain, "is required"));
            }
            checks.required("overall", overall);
        }
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> assess(@PathVariable String id, @RequestBody AssessmentRequest body) {
        return commands.record(id, body::check, on -> new RecordRiskAssessment(on.trajectory(), body.assessedOn(),
                new EnumMap<>(body.domains()), body.overall(), on.by()));
    }
}
