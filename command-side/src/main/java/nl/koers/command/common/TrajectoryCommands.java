package nl.koers.command.common;

import jakarta.servlet.http.HttpServletRequest;
import nl.koers.events.common.EncryptedValue;
import nl.koers.events.common.TrajectoryId;
import nl.koers.platform.security.CurrentUser;
import nl.koers.platform.security.KoersUser;
import nl.koers.platform.security.Role;
import nl.koers.platform.web.ApiProblem;
import nl.koers.platform.web.FieldChecks;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The one path of every command endpoint on an existing trajectory, in the order of api.md: the body's own checks
 * and a malformed If-Match (all 400s at once), the role (403), what the request itself needs of the user (403),
 * the trajectory of the path (404), then the command is built and sent and the trajectory's own rules answer
 * (403 area, 400, 404, 409). Success is {@code 201 {version}} ({@link Created}).
 */
@Component
public class TrajectoryCommands {
    private static final Consumer<KoersUser> NOTHING_MORE = user -> {
    };

    private final CommandSender sender;
    private final FreeText freeText;
    private final CurrentUser currentUser;
    private final HttpServletRequest request;
    private final Clock clock;

    /** {@code request}: Spring's proxy to the current HTTP request, for its If-Match header. */
    public TrajectoryCommands(CommandSender sender, FreeText freeText, CurrentUser currentUser,
                              HttpServletRequest request, Clock clock) {
        this.sender = sender;
        this.freeText = freeText;
        this.currentUser = currentUser;
        this.request = request;
        this.clock = clock;
    }

    /** The checks of the body in itself: required fields, dates not in the future, lengths, codes. */
    @FunctionalInterface
    public interface BodyChecks {
        void check(FieldChecks checks);
    }

    /** Builds the command once the request is known to be valid and allowed. */
    @FunctionalInterface
    public interface CommandFor {
        Object of(Recording on);
    }

    /** What a command is built from: the trajectory, who records, and their free text sealed for the youth. */
    public record Recording(TrajectoryId trajectory, KoersUser user, FreeText freeText) {
        public String by() {
            return user.username();
        }

        public EncryptedValue seal(String text) {
            return freeText.seal(trajectory, text);
        }
    }

    public ResponseEntity<Map<String, Object>> record(String pathId, BodyChecks body, CommandFor command) {
        return Created.version(send(pathId, body, NOTHING_MORE, command));
    }

    /** With a right the request needs besides recording on this trajectory (403 before the trajectory's 404). */
    public ResponseEntity<Map<String, Object>> record(String pathId, BodyChecks body, Consumer<KoersUser> mayAlso,
                                                      CommandFor command) {
        return Created.version(send(pathId, body, mayAlso, command));
    }

    /** For a command that creates something with an id of its own, answered before the version. */
    public ResponseEntity<Map<String, Object>> recordNew(String pathId, Map<String, Object> createdIds,
                                                         BodyChecks body, CommandFor command) {
        return Created.with(send(pathId, body, NOTHING_MORE, command), createdIds);
    }

    private long send(String pathId, BodyChecks body, Consumer<KoersUser> mayAlso, CommandFor command) {
        FieldChecks checks = new FieldChecks(clock);
        body.check(checks);
        Long expected = IfMatch.expectedVersion(IfMatch.of(request), checks);
        checks.throwIfAny();
        KoersUser user = youthWorker();
        mayAlso.accept(user);
        TrajectoryId trajectory = trajectory(pathId);
        Object built = command.of(new Recording(trajectory, user, freeText));
        return ((Number) sender.send(built, user, expected)).longValue();
    }

    /** Only youth workers record on trajectories; their area is checked by the trajectory itself. */
    private KoersUser youthWorker() {
        KoersUser user = currentUser.get();
        if (user.role() != Role.YOUTH_WORKER) {
            throw ApiProblem.forbidden("only youth workers record on trajectories");
        }
        return user;
    }

    /** The trajectory of the path (a malformed id never gets here: {@code PathIds} answers 400 first). */
    private static TrajectoryId trajectory(String pathId) {
        try {
            return new TrajectoryId(pathId);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("id", "is not a valid id (a UUID)");
        }
    }
}
