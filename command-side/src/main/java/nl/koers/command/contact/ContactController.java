package nl.koers.command.contact;

import nl.koers.command.common.Catalogues;
import nl.koers.command.common.Created;
import nl.koers.command.common.IfMatch;
import nl.koers.command.common.Limits;
import nl.koers.command.common.TrajectoryCommands;
import nl.koers.events.contact.RecordContact;
import nl.koers.events.contact.RecordPoliceContact;
import nl.koers.events.reference.ReferenceData;
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
    public ResponseEntity<Map<String, Object>> contact(@PathVariable String id, @RequestBody ContactRequest body,
                                                       @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        FieldChecks checks = commands.checks();
        kind(checks, Catalogues.CONTACT_KINDS, body.kind());
        checks.pastOrToday("contactOn", body.contactOn());
        checks.maxLength("note", body.note(), Limits.NOTE);
        return Created.version(commands.record(id, ifMatch, checks, (trajectory, user) ->
                new RecordContact(trajectory, body.kind(), body.contactOn(), commands.seal(trajectory, body.note()),
                        user.username())));
    }

    @PostMapping("/police-contacts")
    public ResponseEntity<Map<String, Object>> policeContact(@PathVariable String id,
                                                             @RequestBody PoliceContactRequest body,
                                                             @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        FieldChecks checks = commands.checks();
        kind(checks, Catalogues.POLICE_CONTACT_KINDS, body.kind());
        checks.pastOrToday("on", body.on());
        return Created.version(commands.record(id, ifMatch, checks, (trajectory, user) ->
                new RecordPoliceContact(trajectory, body.kind(), body.on(), user.username())));
    }

    private static void kind(FieldChecks checks, String catalogue, String kind) {
        if (checks.required("kind", kind)) {
            checks.check(ReferenceData.get().inCatalogue(catalogue, kind), "kind", "is not in the catalogue " + catalogue);
        }
    }
}
