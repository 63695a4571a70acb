package nl.koers.command.common;

import nl.koers.command.trajectory.TrajectoryYouths;
import nl.koers.events.common.EncryptedValue;
import nl.koers.events.common.TrajectoryId;
import nl.koers.events.common.YouthId;
import nl.koers.platform.crypto.PersonalDataCipher;
import nl.koers.platform.security.CurrentUser;
import nl.koers.platform.security.KoersUser;
import nl.koers.platform.security.Role;
import nl.koers.platform.web.ApiProblem;
import nl.koers.platform.web.FieldChecks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * The steps every command endpoint takes after validating its body, in the order of api.md: who may record
 * (403), which trajectory (404), sealing free text under the youth's key, and sending with the user and If-Match
 * as metadata. The aggregate answers the new version.
 * <p>
 * Two writers that append to one trajectory at the same moment (possible with several command-side replicas on
 * one JDBC event store) make the later append fail with a {@link ConcurrencyException}; nothing of it was stored,
 * so the command is simply run again on the fresh state, where If-Match and every rule are checked anew. After
 * {@link #ATTEMPTS} tries the conflict reaches the client as 409.
 */
@Component
public class TrajectoryCommands {
    static final int ATTEMPTS = 3;

    private final CommandGateway gateway;
    private final CurrentUser currentUser;
    private final TrajectoryYouths youths;
    private final PersonalDataCipher cipher;
    private final Clock clock;
    private final Counter retries;

    public TrajectoryCommands(CommandGateway gateway, CurrentUser currentUser, TrajectoryYouths youths,
                              PersonalDataCipher cipher, Clock clock, MeterRegistry meters) {
        this.gateway = gateway;
        this.retries = Counter.builder("koers.command.concurrency.retries")
                .description("Commands run again after another writer appended to the same trajectory first")
                .register(meters);
        this.currentUser = currentUser;
        this.youths = youths;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** Builds the command once the request is known to be valid and allowed. */
    @FunctionalInterface
    public interface CommandFor {
        Object of(TrajectoryId trajectory, KoersUser user);
    }

    /**
     * The common path of a command endpoint after its body checks: If-Match (400 when malformed), then all 400s
     * at once, the role (403), the trajectory (404) and the trajectory's own rules (403 area, 409). Answers the
     * trajectory's version after the command.
     */
    public long record(String pathId, String ifMatch, FieldChecks checks, CommandFor command) {
        Long expected = IfMatch.expectedVersion(ifMatch, checks);
        checks.throwIfAny();
        KoersUser user = youthWorker();
        TrajectoryId trajectory = trajectory(pathId);
        return send(command.of(trajectory, user), user, expected);
    }

    /** A fresh collector of field problems for one request (today = the application's clock). */
    public FieldChecks checks() {
        return new FieldChecks(clock);
    }

    /** Only youth workers record on trajectories; their area is checked by the trajectory itself. */
    public KoersUser youthWorker() {
        KoersUser user = currentUser.get();
        if (user.role() != Role.YOUTH_WORKER) {
            throw ApiProblem.forbidden("only youth workers record on trajectories");
        }
        return user;
    }

    /** The trajectory of the path; an id that cannot exist is an unknown trajectory (404). */
    public TrajectoryId trajectory(String pathId) {
        try {
            return new TrajectoryId(pathId);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("no such trajectory");
        }
    }

    /** Free text sealed with the youth's key; null stays null. */
    public EncryptedValue seal(TrajectoryId trajectory, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        YouthId youth = youths.youthOf(trajectory).orElseThrow(() -> ApiProblem.notFound("no such trajectory"));
        if (cipher.erased(youth)) {
            throw ApiProblem.conflict("the youth's personal data were erased; free text can no longer be recorded");
        }
        return cipher.seal(youth, text);
    }

    /** Sends the command on behalf of {@code user} and answers the trajectory's version after it. */
    public long send(Object command, KoersUser user, Long expectedVersion) {
        for (int attempt = 1; ; attempt++) {
            try {
                Object version = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                        .withMetaData(CommandMetadata.of(user, expectedVersion)));
                return ((Number) version).longValue();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !concurrent(e)) {
                    throw e;
                }
                retries.increment();
            }
        }
    }

    static boolean concurrent(Throwable e) {
        return e instanceof ConcurrencyException
                || (e instanceof CommandExecutionException && e.getCause() instanceof ConcurrencyException);
    }
}
