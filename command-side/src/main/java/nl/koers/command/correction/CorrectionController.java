package nl.koers.command.correction;

import nl.koers.command.common.Created;
import nl.koers.command.common.IfMatch;
import nl.koers.command.common.Limits;
import nl.koers.command.common.TrajectoryCommands;
import nl.koers.events.correction.CorrectEntry;
import nl.koers.events.correction.RetractEntry;
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
 * HTTP → corrections and retractions of earlier entries ({@code eventId} as the history lists it). Nothing
 * recorded is edited: each is a new entry pointing at the original, with a sealed explanation.
 */
@RestController
@RequestMapping("/api/trajectories/{id}")
public class CorrectionController {
    private final TrajectoryCommands commands;

    public CorrectionController(TrajectoryCommands commands) {
        this.commands = commands;
    }

    /** {@code newOccurredOn}: the business date the entry should have had, if that was the mistake. */
    public record CorrectionRequest(String eventId, LocalDate correctedOn, LocalDate newOccurredOn,
                                    String explanation) {
        @Override
        public String toString() {
            return "CorrectionRequest[" + eventId + ", explanation hidden]";
        }
    }

    public record RetractionRequest(String eventId, LocalDate retractedOn, String explanation) {
        @Override
        public String toString() {
            return "RetractionRequest[" + eventId + ", explanation hidden]";
        }
    }

    @PostMapping("/corrections")
    public ResponseEntity<Map<String, Object>> correct(@PathVariable String id, @RequestBody CorrectionRequest body,
                                                       @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        FieldChecks checks = commands.checks();
        eventId(checks, body.eventId());
        checks.pastOrToday("correctedOn", body.correctedOn());
        if (body.newOccurredOn() != null) {
            checks.pastOrToday("newOccurredOn", body.newOccurredOn());
        }
        explanation(checks, body.explanation());
        return Created.version(commands.record(id, ifMatch, checks, (trajectory, user) ->
                new CorrectEntry(trajectory, body.eventId().trim(), body.correctedOn(), body.newOccurredOn(),
                        commands.seal(trajectory, body.explanation()), user.username())));
    }

    @PostMapping("/retractions")
    public ResponseEntity<Map<String, Object>> retract(@PathVariable String id, @RequestBody RetractionRequest body,
                                                       @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        FieldChecks checks = commands.checks();
        eventId(checks, body.eventId());
        checks.pastOrToday("retractedOn", body.retractedOn());
        explanation(checks, body.explanation());
        return Created.version(commands.record(id, ifMatch, checks, (trajectory, user) ->
                new RetractEntry(trajectory, body.eventId().trim(), body.retractedOn(),
                        commands.seal(trajectory, body.explanation()), user.username())));
    }

    private static void eventId(FieldChecks checks, String eventId) {
        if (checks.required("eventId", eventId)) {
            checks.maxLength("eventId", eventId, 100);
        }
    }

    private static void explanation(FieldChecks checks, String explanation) {
        checks.required("explanation", explanation);
        checks.maxLength("explanation", explanation, Limits.EXPLANATION);
    }
}
