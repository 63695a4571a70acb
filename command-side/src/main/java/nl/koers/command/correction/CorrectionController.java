package nl.koers.command.correction;

import nl.koers.command.common.TrajectoryCommands;
import nl.koers.events.common.FieldLimits;
import nl.koers.events.correction.CorrectEntry;
import nl.koers.events.correction.RetractEntry;
import nl.koers.platform.web.FieldChecks;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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
        void check(FieldChecks checks) {
            checkReference(checks, eventId, "correctedOn", correctedOn);
            if (newOccurredOn != null) {
                checks.pastOrToday("newOccurredOn", newOccurredOn);
            }
            checkExplanation(checks, explanation);
        }

        @Override
        public String toString() {
            return "CorrectionRequest[" + eventId + ", explanation hidden]";
        }
    }

    public record RetractionRequest(String eventId, LocalDate retractedOn, String explanation) {
        void check(FieldChecks checks) {
            checkReference(checks, eventId, "retractedOn", retractedOn);
            checkExplanation(checks, explanation);
        }

        @Override
        public String toString() {
            return "RetractionRequest[" + eventId + ", explanation hidden]";
        }
    }

    @PostMapping("/corrections")
    public ResponseEntity<Map<String, Object>> correct(@PathVariable String id, @RequestBody CorrectionRequest body) {
        return commands.record(id, body::check, on -> new CorrectEntry(on.trajectory(), body.eventId().trim(),
                body.correctedOn(), body.newOccurredOn(), on.seal(body.explanation()), on.by()));
    }

    @PostMapping("/retractions")
    public ResponseEntity<Map<String, Object>> retract(@PathVariable String id, @RequestBody RetractionRequest body) {
        return commands.record(id, body::check, on -> new RetractEntry(on.trajectory(), body.eventId().trim(),
                body.retractedOn(), on.seal(body.explanation()), on.by()));
    }

    /** What corrections and retractions share: the entry they point at and their date … */
    private static void checkReference(FieldChecks checks, String eventId, String dateField, LocalDate date) {
        if (checks.required("eventId", eventId)) {
            checks.maxLength("eventId", eventId, FieldLimits.EVENT_ID);
        }
        checks.pastOrToday(dateField, date);
    }

    /** … and an explanation. */
    private static void checkExplanation(FieldChecks checks, String explanation) {
        checks.required("explanation", explanation);
        checks.maxLength("explanation", explanation, FieldLimits.EXPLANATION);
    }
}
