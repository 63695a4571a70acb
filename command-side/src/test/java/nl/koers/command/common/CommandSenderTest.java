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
import org.mockito.ArgumentCaptor;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Every command leaves with its sender as metadata; one that lost a race with another writer runs again on fresh
 * state, other failures do not.
 */
class CommandSenderTest {
    private final CommandGateway gateway = mock(CommandGateway.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CommandSender sender = new CommandSender(gateway, meters);
    private final KoersUser worker = new KoersUser("jeugdwerker", Role.YOUTH_WORKER, Set.of(Samples.FA03), false);
    private final RecordOutcome command = new RecordOutcome(Samples.ID, OutcomeKind.WORK, Samples.TODAY, "jeugdwerker");

    @Test
    void aConcurrentAppendIsRetriedOnFreshState() {
        when(gateway.sendAndWait(any(CommandMessage.class)))
                .thenThrow(new ConcurrencyException("sequence 4 already inserted"))
                .thenThrow(new CommandExecutionException("remote", new ConcurrencyException("again")))
                .thenReturn(5L);

        assertThat(sender.send(command, worker, null)).isEqualTo(5L);
        verify(gateway, times(3)).sendAndWait(any(CommandMessage.class));
        assertThat(meters.counter("koers.command.concurrency.retries").count()).isEqualTo(2.0);
    }

    @Test
    void afterThreeCollisionsTheConflictReachesTheClient() {
        when(gateway.sendAndWait(any(CommandMessage.class))).thenThrow(new ConcurrencyException("busy"));

        assertThatThrownBy(() -> sender.send(command, worker, null)).isInstanceOf(ConcurrencyException.class);
        verify(gateway, times(CommandSender.ATTEMPTS)).sendAndWait(any(CommandMessage.class));
    }

    @Test
    void theCommandTravelsWithItsSenderAreasAndExpectedVersion() {
        ArgumentCaptor<CommandMessage<?>> sent = ArgumentCaptor.forClass(CommandMessage.class);
        when(gateway.sendAndWait(sent.capture())).thenReturn(4L);

        sender.send(command, worker, 3L);
        assertThat(sent.getValue().getPayload()).isEqualTo(command);
        assertThat(sent.getValue().getMetaData()).containsEntry(CommandMetadata.USER, "jeugdwerker")
                .containsEntry(CommandMetadata.AREAS, "FA03").containsEntry(CommandMetadata.EXPECTED_VERSION, 3L);
    }

    @Test
    void aRefusalIsNeverRetried() {
        when(gateway.sendAndWait(any(CommandMessage.class)))
                .thenThrow(new CommandExecutionException("refused", null, "details"));

        assertThatThrownBy(() -> sender.send(command, worker, 3L)).isInstanceOf(CommandExecutionException.class);
        verify(gateway, times(1)).sendAndWait(any(CommandMessage.class));
    }
}
