package nl.koers.command.detention;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import nl.koers.command.common.Guards;
import nl.koers.events.aftercare.AftercareStarted;
import nl.koers.events.common.CommandRefused;
import nl.koers.events.common.FieldLimits;
import nl.koers.events.detention.DetentionEnded;
import nl.koers.events.detention.DetentionStarted;
import nl.koers.events.detention.EndDetention;
import nl.koers.events.detention.NetworkMeetingHeld;
import nl.koers.events.detention.PerspectiefplanSet;
import nl.koers.events.detention.RecordNetworkMeeting;
import nl.koers.events.detention.RecordTrajectoryMeeting;
import nl.koers.events.detention.SetPerspectiefplan;
import nl.koers.events.detention.StartDetention;
import nl.koers.events.detention.StartStp;
import nl.koers.events.detention.StpStarted;
import nl.koers.events.detention.TrajectoryMeetingHeld;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.LocalDate;
import java.util.function.UnaryOperator;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Member of the trajectory aggregate for its detentions: one at a time, steps only while one runs, an end on or
 * after its start and its last step, and aftercare from the day it ends. A youth can re-enter detention from
 * aftercare, and a trajectory can start in detention (a detention right after opening). The trajectory's root
 * has already checked scope, dates and the closed state (see {@code Trajectory.admit}).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Detentions {
    private Detention current;
    private LocalDate lastEndedOn;

    @CommandHandler
    void handle(StartDetention cmd) {
        Guards.required("type", cmd.type());
        Guards.text("facility", cmd.facility(), FieldLimits.FACILITY);
        Guards.notBefore("startedOn", cmd.startedOn(), lastEndedOn, "the previous detention ended");
        if (current != null) {
            throw CommandRefused.conflict("a detention is already in progress since " + current.startedOn());
        }
        apply(new DetentionStarted(cmd.trajectoryId(), cmd.type(), cmd.facility().trim(), cmd.startedOn(),
                cmd.recordedBy()));
    }

    @CommandHandler
    void handle(RecordNetworkMeeting cmd) {
        Detention detention = inProgress();
        notBeforeStart("heldOn", cmd.heldOn(), detention);
        if (detention.networkMeetingOn() != null) {
            throw CommandRefused.conflict("the network meeting of this detention was held on "
                    + detention.networkMeetingOn());
        }
        apply(new NetworkMeetingHeld(cmd.trajectoryId(), cmd.heldOn(), cmd.recordedBy()));
    }

    @CommandHandler
    void handle(SetPerspectiefplan cmd) {
        notBeforeStart("setOn", cmd.setOn(), inProgress());
        apply(new PerspectiefplanSet(cmd.trajectoryId(), cmd.setOn(), cmd.summary(), cmd.recordedBy()));
    }

    @CommandHandler
    void handle(RecordTrajectoryMeeting cmd) {
        notBeforeStart("heldOn", cmd.heldOn(), inProgress());
        apply(new TrajectoryMeetingHeld(cmd.trajectoryId(), cmd.heldOn(), cmd.recordedBy()));
    }

    @CommandHandler
    void handle(StartStp cmd) {
        Detention detention = inProgress();
        notBeforeStart("startedOn", cmd.startedOn(), detention);
        if (detention.stpStartedOn() != null) {
            throw CommandRefused.conflict("the STP of this detention started on " + detention.stpStartedOn());
        }
        apply(new StpStarted(cmd.trajectoryId(), cmd.startedOn(), cmd.recordedBy()));
    }

    /** Ends the detention; aftercare starts the same day, recorded with it as one unit. */
    @CommandHandler
    void handle(EndDetention cmd) {
        Guards.required("reason", cmd.reason());
        Detention detention = inProgress();
        notBeforeStart("endedOn", cmd.endedOn(), detention);
        Guards.notBefore("endedOn", cmd.endedOn(), detention.latestStepOn(), "the last recorded step of this detention");
        apply(new DetentionEnded(cmd.trajectoryId(), cmd.endedOn(), cmd.reason(), cmd.recordedBy()));
        apply(new AftercareStarted(cmd.trajectoryId(), cmd.endedOn(), cmd.recordedBy()));
    }

    private Detention inProgress() {
        if (current == null) {
            throw CommandRefused.conflict("no detention is in progress");
        }
        return current;
    }

    private static void notBeforeStart(String field, LocalDate date, Detention detention) {
        Guards.notBefore(field, date, detention.startedOn(), "the detention started");
    }

    @EventSourcingHandler
    void on(DetentionStarted e) {
        current = Detention.started(e.type(), e.startedOn());
    }

    @EventSourcingHandler
    void on(NetworkMeetingHeld e) {
        step(detention -> detention.withNetworkMeeting(e.heldOn()));
    }

    @EventSourcingHandler
    void on(PerspectiefplanSet e) {
        step(detention -> detention.withStep(e.setOn()));
    }

    @EventSourcingHandler
    void on(TrajectoryMeetingHeld e) {
        step(detention -> detention.withStep(e.heldOn()));
    }

    @EventSourcingHandler
    void on(StpStarted e) {
        step(detention -> detention.withStp(e.startedOn()));
    }

    /** A step of the current detention; one stored without a detention in progress changes nothing on replay. */
    private void step(UnaryOperator<Detention> change) {
        if (current != null) {
            current = change.apply(current);
        }
    }

    @EventSourcingHandler
    void on(DetentionEnded e) {
        current = null;
        lastEndedOn = e.endedOn();
    }
}
