package nl.koers.command.contact;

import nl.koers.command.common.ReferenceChecks;
import nl.koers.command.common.TrajectoryCommands;
import nl.koers.events.common.FieldLimits;
import nl.koers.events.contact.RecordContact;
import nl.koers.events.contact.RecordPoliceContact;
import nl.koers.events.reference.Catalogue;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Map;

/** HTTP → contacts with the youth or their network, and police contacts (also after close, as follow-up). */
@RestController
@RequestMapping("/api/trajectories/{id}")
public class ContactController {
    private final TrajectoryCommands commands;

    public ContactController(TrajectoryCommands commands) {
        this.commands = commands;
    }

    public record ContactRequest(String kind, LocalDate contactOn, String note) {
        @Override
        public String toString() {
            return "ContactRequest[" + kind + ", note hidden]";
        }
    }

    /** {@code on}: the date of the police contact, as api.md names it. */
    public record PoliceContactRequest(String kind, LocalDate on) {
    }

    @PostMapping("/contacts")
    public ResponseEntity<Map<String, Object>> contact(@PathVariable String id, @RequestBody ContactRequest body) {
        return commands.record(id, checks -> {
            ReferenceChecks.inCatalogue(checks, "kind", Catalogue.CONTACT_KINDS, body.kind());
            checks.pastOrToday("contactOn", body.contactOn());
            checks.maxLength("note", body.note(), FieldLimits.NOTE);
        }, on -> new RecordContact(on.trajectory(), body.kind(), body.contactOn(), on.seal(body.note()), on.by()));
    }

    @PostMapping("/police-contacts")
    public ResponseEntity<Map<String, Object>> policeContact(@PathVariable String id,
                                                             @RequestBody PoliceContactRequest body) {
        return commands.record(id, checks -> {
            ReferenceChecks.inCatalogue(checks, "kind", Catalogue.POLICE_CONTACT_KINDS, body.kind());
            checks.pastOrToday("on", body.on());
        }, on -> new RecordPoliceContact(on.trajectory(), body.kind(), body.on(), on.by()));
    }
}
