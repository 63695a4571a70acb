package nl.koers.command.common;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.koers.command.Samples;
import nl.koers.events.outcome.OutcomeKind;
import nl.koers.events.outcome.RecordOutcome;
import nl.koers.platform.security.KoersUser;
import nl.koers.platform.security.Role;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** A command that lost a race with another writer runs again on fresh state; other failures do not. */
class TrajectoryCommandsTest {
    private final CommandGateway gateway = mock(CommandGateway.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TrajectoryCommands commands = new TrajectoryCommands(gateway, null, null, null, Samples.CLOCK,
            meters);
    private final KoersUser worker = new KoersUser("jeugdwerker", Role.YOUTH_WORKER, Set.of(Samples.FA03), false);
    private final RecordOutcome command = new RecordOutcome(Samples.ID, OutcomeKind.WORK, Samples.TODAY, "jeugdwerker");

    @Test
    void aConcurrentAppendIsRetriedOnFreshState() {
        when(gateway.sendAndWait(any(CommandMessage.class)))
                .thenThrow(new ConcurrencyException("sequence 4 already inserted"))
                .thenThrow(new CommandExecutionException("remote", new ConcurrencyException("again")))
                .thenReturn(5L);

        assertThat(commands.send(command, worker, null)).isEqualTo(5L);
        verify(gateway, times(3)).sendAndWait(any(CommandMessage.class));
        assertThat(meters.counter("koers.command.concurrency.retries").count()).isEqualTo(2.0);
    }

    @Test
    void afterThreeCollisionsTheConflictReachesTheClient() {
        when(gateway.sendAndWait(any(CommandMessage.class))).thenThrow(new ConcurrencyException("busy"));

        assertThatThrownBy(() -> commands.send(command, worker, null)).isInstanceOf(ConcurrencyException.class);
        verify(gateway, times(TrajectoryCommands.ATTEMPTS)).sendAndWait(any(CommandMessage.class));
    }

    @Test
    void aRefusalIsNeverRetried() {
        when(gateway.sendAndWait(any(CommandMessage.class)))
                .thenThrow(new CommandExecutionException("refused", null, "details"));

        assertThatThrownBy(() -> commands.send(command, worker, 3L)).isInstanceOf(CommandExecutionException.class);
        verify(gateway, times(1)).sendAndWait(any(CommandMessage.class));
    }
}
