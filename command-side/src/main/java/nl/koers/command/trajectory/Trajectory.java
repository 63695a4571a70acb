package nl.koers.command.trajectory;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import nl.koers.command.common.CommandMetadata;
import nl.koers.events.common.CommandRefused;
import nl.koers.events.common.FocusAreaCode;
import nl.koers.events.common.Phase;
import nl.koers.events.common.Rejection;
import nl.koers.events.common.TrajectoryId;
import nl.koers.events.common.YouthId;
import nl.koers.events.trajectory.CloseTrajectory;
import nl.koers.events.trajectory.OpenTrajectory;
import nl.koers.events.trajectory.TrajectoryClosed;
import nl.koers.events.trajectory.TrajectoryOpened;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One youth's trajectory: decides what may be recorded and records it as events. Command handlers check, then
 * apply; event sourcing handlers only assign state, so replaying old events can never fail. Fields are plain
 * and Jackson-visible because snapshots are serialized with Jackson.
 */
@Aggregate(snapshotTriggerDefinition = "trajectorySnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Trajectory {

    @AggregateIdentifier
    private TrajectoryId trajectoryId;
    private YouthId youthId;
    private FocusAreaCode focusArea;
    private LocalDate openedOn;
    private Phase phase;
    private LocalDate closedOn;
    /** Sequence number of the last event: what If-Match compares and responses report. */
    private long version;

    protected Trajectory() {
        // for Axon and Jackson
    }

    @CommandHandler
    public Trajectory(OpenTrajectory cmd, Clock clock) {
        Guards.notInFuture("openedOn", cmd.openedOn(), clock);
        if (cmd.ageAtOpening() < 8 || cmd.ageAtOpening() > 27) {
            throw CommandRefused.invalid("youth.birthDate", "the programme is for ages 8 to 27");
        }
        apply(new TrajectoryOpened(cmd.trajectoryId(), cmd.youthId(), cmd.neighbourhood(), cmd.focusArea(),
                cmd.openedOn(), cmd.referralSource(), cmd.referralReason(), cmd.youth(), cmd.ageAtOpening(),
                cmd.recordedBy()));
    }

    /** Scope and If-Match come before any rule of the trajectory itself (403 before 409). */
    @CommandHandlerInterceptor
    public Object checkScopeAndVersion(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        if (!CommandMetadata.inScope(command.getMetaData(), focusArea)) {
            throw new CommandRefused(new Rejection(Rejection.Kind.FORBIDDEN, null,
                    "this trajectory is outside your focus areas"));
        }
        Object expected = command.getMetaData().get(CommandMetadata.EXPECTED_VERSION);
        if (expected != null && ((Number) expected).longValue() != version) {
            throw CommandRefused.conflict("the trajectory is at version " + version + ", not " + expected
                    + "; reload and try again");
        }
        return chain.proceed();
    }

    @CommandHandler
    public long handle(CloseTrajectory cmd, Clock clock) {
        Guards.notInFuture("closedOn", cmd.closedOn(), clock);
        Guards.notBefore("closedOn", cmd.closedOn(), openedOn, "the trajectory opened");
        if (phase == Phase.CLOSED) {
            throw CommandRefused.conflict("the trajectory is already closed");
        }
        if (phase == Phase.DETENTION) {
            throw CommandRefused.conflict("a trajectory cannot be closed during a detention");
        }
        apply(new TrajectoryClosed(trajectoryId, cmd.closedOn(), cmd.reason(), cmd.recordedBy()));
        return version;
    }

    @EventSourcingHandler
    void on(TrajectoryOpened e, @SequenceNumber long sequence) {
        version = sequence;
        trajectoryId = e.trajectoryId();
        youthId = e.youthId();
        focusArea = e.focusArea();
        openedOn = e.openedOn();
        phase = Phase.PREVENTION;
    }

    @EventSourcingHandler
    void on(TrajectoryClosed e, @SequenceNumber long sequence) {
        version = sequence;
        phase = Phase.CLOSED;
        closedOn = e.closedOn();
    }
}
