package nl.koers.command.intervention;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import nl.koers.command.common.Guards;
import nl.koers.command.common.ReferenceRules;
import nl.koers.events.common.CommandRefused;
import nl.koers.events.common.InterventionId;
import nl.koers.events.intervention.CompleteIntervention;
import nl.koers.events.intervention.InterventionCompleted;
import nl.koers.events.intervention.InterventionPlanned;
import nl.koers.events.intervention.InterventionStarted;
import nl.koers.events.intervention.InterventionStopped;
import nl.koers.events.intervention.PlanIntervention;
import nl.koers.events.intervention.RecordIntervention;
import nl.koers.events.intervention.StartIntervention;
import nl.koers.events.intervention.StopIntervention;
import nl.koers.events.reference.Catalogue;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Member of the trajectory aggregate for its interventions: planned → started → completed or stopped, each step
 * once. Types come from the catalogue {@code intervention-types}. Keyed by the intervention id as a string so
 * snapshots stay plain JSON.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Interventions {
    public static final Catalogue CATALOGUE = Catalogue.INTERVENTION_TYPES;

    private Map<String, InterventionState> byId = new HashMap<>();

    @CommandHandler
    void handle(PlanIntervention cmd) {
        Guards.required("interventionId", cmd.interventionId());
        ReferenceRules.inCatalogue("type", CATALOGUE, cmd.type());
        mustBeNew(cmd.interventionId());
        apply(new InterventionPlanned(cmd.trajectoryId(), cmd.interventionId(), cmd.type(), cmd.plannedOn(),
                cmd.recordedBy()));
    }

    /** Starts a planned intervention, or a new one (with its type) when the id is not known yet. */
    @CommandHandler
    void handle(StartIntervention cmd) {
        Guards.required("interventionId", cmd.interventionId());
        InterventionState planned = byId.get(cmd.interventionId().value());
        if (planned == null && cmd.type() == null) {
            throw CommandRefused.notFound("no intervention " + cmd.interventionId() + " in this trajectory");
        }
        if (planned == null) {
            ReferenceRules.inCatalogue("type", CATALOGUE, cmd.type());
        } else if (cmd.type() != null && !cmd.type().equals(planned.type())) {
            throw CommandRefused.invalid("type", "differs from the planned type " + planned.type());
        }
        if (planned != null) {
            Guards.notBefore("startedOn", cmd.startedOn(), planned.plannedOn(), "the intervention was planned");
            if (planned.status() != InterventionState.Status.PLANNED) {
                throw CommandRefused.conflict("the intervention is already " + describe(planned));
            }
        }
        String type = planned == null ? cmd.type() : planned.type();
        apply(new InterventionStarted(cmd.trajectoryId(), cmd.interventionId(), type, cmd.startedOn(), cmd.note(),
                cmd.recordedBy()));
    }

    /** An intervention that was not planned: started and, with an end date, completed in one go. */
    @CommandHandler
    void handle(RecordIntervention cmd) {
        Guards.required("interventionId", cmd.interventionId());
        ReferenceRules.inCatalogue("type", CATALOGUE, cmd.type());
        Guards.notBefore("endedOn", cmd.endedOn(), cmd.startedOn(), "the intervention started");
        mustBeNew(cmd.interventionId());
        apply(new InterventionStarted(cmd.trajectoryId(), cmd.interventionId(), cmd.type(), cmd.startedOn(),
                cmd.note(), cmd.recordedBy()));
        if (cmd.endedOn() != null) {
            apply(new InterventionCompleted(cmd.trajectoryId(), cmd.interventionId(), cmd.endedOn(),
                    cmd.recordedBy()));
        }
    }

    @CommandHandler
    void handle(CompleteIntervention cmd) {
        InterventionState intervention = existing(cmd.interventionId());
        if (intervention.status() != InterventionState.Status.STARTED) {
            throw CommandRefused.conflict(intervention.status() == InterventionState.Status.PLANNED
                    ? "the intervention has not started" : "the intervention is already " + describe(intervention));
        }
        Guards.notBefore("completedOn", cmd.completedOn(), intervention.startedOn(), "the intervention started");
        apply(new InterventionCompleted(cmd.trajectoryId(), cmd.interventionId(), cmd.completedOn(),
                cmd.recordedBy()));
    }

    @CommandHandler
    void handle(StopIntervention cmd) {
        Guards.required("reason", cmd.reason());
        InterventionState intervention = existing(cmd.interventionId());
        if (intervention.status() == InterventionState.Status.COMPLETED
                || intervention.status() == InterventionState.Status.STOPPED) {
            throw CommandRefused.conflict("the intervention is already " + describe(intervention));
        }
        Guards.notBefore("stoppedOn", cmd.stoppedOn(), intervention.since(), "the intervention's last step");
        apply(new InterventionStopped(cmd.trajectoryId(), cmd.interventionId(), cmd.stoppedOn(), cmd.reason(),
                cmd.recordedBy()));
    }

    private void mustBeNew(InterventionId id) {
        if (byId.containsKey(id.value())) {
            throw CommandRefused.conflict("intervention " + id + " already exists");
        }
    }

    private InterventionState existing(InterventionId id) {
        Guards.required("interventionId", id);
        InterventionState state = byId.get(id.value());
        if (state == null) {
            throw CommandRefused.notFound("no intervention " + id + " in this trajectory");
        }
        return state;
    }

    private static String describe(InterventionState state) {
        return state.status().name().toLowerCase();
    }

    @EventSourcingHandler
    void on(InterventionPlanned e) {
        byId.put(e.interventionId().value(), new InterventionState(e.type(), InterventionState.Status.PLANNED,
                e.plannedOn(), null));
    }

    @EventSourcingHandler
    void on(InterventionStarted e) {
        InterventionState planned = byId.get(e.interventionId().value());
        byId.put(e.interventionId().value(), planned == null
                ? new InterventionState(e.type(), InterventionState.Status.STARTED, null, e.startedOn())
                : planned.start(e.startedOn()));
    }

    @EventSourcingHandler
    void on(InterventionCompleted e) {
        byId.computeIfPresent(e.interventionId().value(), (id, s) -> s.with(InterventionState.Status.COMPLETED));
    }

    @EventSourcingHandler
    void on(InterventionStopped e) {
        byId.computeIfPresent(e.interventionId().value(), (id, s) -> s.with(InterventionState.Status.STOPPED));
    }
}
