package nl.koers.command.common;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.koers.platform.security.KoersUser;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * Sends every command of the command side, the opening of a trajectory included: with the sender and If-Match as
 * metadata ({@link CommandMetadata}), and again when it lost a race.
 * <p>
 * Two writers that append to one trajectory at the same moment (possible with several command-side replicas on
 * one JDBC event store) make the later append fail with a {@link ConcurrencyException}; nothing of it was stored,
 * so the command is simply run again on the fresh state, where If-Match and every rule are checked anew. After
 * {@link #ATTEMPTS} tries the conflict reaches the client as 409. Retries are counted in
 * {@code koers.command.concurrency.retries}.
 */
@Component
public class CommandSender {
    static final int ATTEMPTS = 3;

    private final CommandGateway gateway;
    private final Counter retries;

    public CommandSender(CommandGateway gateway, MeterRegistry meters) {
        this.gateway = gateway;
        this.retries = Counter.builder("koers.command.concurrency.retries")
                .description("Commands run again after another writer appended to the same trajectory first")
                .register(meters);
    }

    /** Sends the command on behalf of {@code user}; answers what the handler answered. */
    public Object send(Object command, KoersUser user, Long expectedVersion) {
        for (int attempt = 1; ; attempt++) {
            try {
                return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                        .withMetaData(CommandMetadata.of(user, expectedVersion)));
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
