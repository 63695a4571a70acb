package nl.koers.command.trajectory;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import nl.koers.command.common.CommandMetadata;
import nl.koers.command.common.Guards;
import nl.koers.command.common.ReferenceRules;
import nl.koers.command.correction.EntryLog;
import nl.koers.command.detention.Detentions;
import nl.koers.command.intervention.Interventions;
import nl.koers.events.aftercare.AftercareStarted;
import nl.koers.events.aftercare.AssessBasicCondition;
import nl.koers.events.aftercare.BasicConditionAssessed;
import nl.koers.events.assessment.RecordRiskAssessment;
import nl.koers.events.assessment.RiskAssessmentRecorded;
import nl.koers.events.common.CbsWijkCode;
import nl.koers.events.common.CommandRefused;
import nl.koers.events.common.FieldLimits;
import nl.koers.events.common.FocusAreaCode;
import nl.koers.events.common.Phase;
import nl.koers.events.common.Rejection;
import nl.koers.events.common.TrajectoryId;
import nl.koers.events.common.YouthId;
import nl.koers.events.contact.ContactRecorded;
import nl.koers.events.contact.PoliceContactRecorded;
import nl.koers.events.contact.RecordContact;
import nl.koers.events.contact.RecordPoliceContact;
import nl.koers.events.detention.DetentionStarted;
import nl.koers.events.outcome.OutcomeRecorded;
import nl.koers.events.outcome.RecordOutcome;
import nl.koers.events.reference.Catalogue;
import nl.koers.events.reference.Wijk;
import nl.koers.events.trajectory.AssignCaseworker;
import nl.koers.events.trajectory.CaseworkerAssigned;
import nl.koers.events.trajectory.CloseTrajectory;
import nl.koers.events.trajectory.OpenTrajectory;
import nl.koers.events.trajectory.TrajectoryClosed;
import nl.koers.events.trajectory.TrajectoryOpened;
import nl.koers.events.trajectory.TrajectoryTransferred;
import nl.koers.events.trajectory.TransferTrajectory;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One youth's trajectory: decides what may be recorded and records it as events. Command handlers check, then
 * apply; event sourcing handlers only assign state, so replaying old events can never fail. Fields are plain
 * and Jackson-visible because snapshots are serialized with Jackson.
 * <p>
 * The root keeps identity, place and phase and records the plain facts (contacts, assessments, outcomes). Three
 * members keep their own state and commands: {@link Detentions} (the current detention and its steps),
 * {@link Interventions} (each intervention's life cycle) and {@link EntryLog} (version and the ids of every
 * entry, for corrections). The rules every command shares run first, in {@link #admit}.
 * <p>
 * The revision is the shape of the snapshot: a snapshot of another revision is ignored and the trajectory is
 * rebuilt from its events, so change it whenever a field of the aggregate or a member changes.
 */
@Aggregate(snapshotTriggerDefinition = "trajectorySnapshotTrigger", cache = "trajectoryCache")
@Revision("5")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Trajectory {
    /** The programme is for youths of 8 to 27 (domain.md), by their age on the day the trajectory opens. */
    static final int YOUNGEST = 8;
    static final int OLDEST = 27;

    @AggregateIdentifier
    private TrajectoryId trajectoryId;
    private YouthId youthId;
    private CbsWijkCode neighbourhood;
    private FocusAreaCode focusArea;
    private LocalDate openedOn;
    private Phase phase;
    /** Business date on which the current phase began; closing cannot lie before it. */
    private LocalDate phaseSince;
    private LocalDate closedOn;
    private String caseworker;

    @AggregateMember
    private EntryLog entries = new EntryLog();
    @AggregateMember
    private Detentions detentions = new Detentions();
    @AggregateMember
    private Interventions interventions = new Interventions();

    protected Trajectory() {
        // for Axon and Jackson
    }

    @CommandHandler
    public Trajectory(OpenTrajectory cmd, Clock clock) {
        Admission.checkDates(cmd, null, clock);
        Wijk wijk = ReferenceRules.wijk(cmd.neighbourhood());
        if (!Objects.equals(wijk.focusArea(), cmd.focusArea())) {
            throw CommandRefused.invalid(ReferenceRules.NEIGHBOURHOOD, "does not lie in focus area " + cmd.focusArea());
        }
        if (!ageInProgramme(cmd.ageAtOpening())) {
            throw CommandRefused.invalid("youth.birthDate", "the programme is for ages " + YOUNGEST + " to " + OLDEST);
        }
        Guards.text("caseworker", cmd.caseworker(), FieldLimits.CASEWORKER);
        apply(new TrajectoryOpened(cmd.trajectoryId(), cmd.youthId(), cmd.neighbourhood(), cmd.focusArea(),
                cmd.openedOn(), cmd.referralSource(), cmd.referralReason(), cmd.youth(), cmd.ageAtOpening(),
                cmd.recordedBy()));
        // a trajectory always has someone responsible, from the day it opens
        apply(new CaseworkerAssigned(cmd.trajectoryId(), cmd.caseworker().trim(), cmd.openedOn(), cmd.recordedBy()));
    }

    static boolean ageInProgramme(int age) {
        return age >= YOUNGEST && age <= OLDEST;
    }

    /**
     * What every command on an existing trajectory must pass, in the order of api.md: the worker's area (403),
     * its business dates (400: not in the future, not before the trajectory opened), If-Match (409) and, once
     * closed, the follow-up rule (409). Answers the version after the command, so every handler reports it. A
     * command whose idempotency key this trajectory already recorded (a retry after a crash) records nothing and
     * gets the version it made then.
     */
    @CommandHandlerInterceptor
    public Object admit(CommandMessage<?> command, InterceptorChain chain, Clock clock) throws Exception {
        if (!CommandMetadata.inScope(command.getMetaData(), focusArea)) {
            throw new CommandRefused(new Rejection(Rejection.Kind.FORBIDDEN, null,
                    "this trajectory is outside your focus areas"));
        }
        Object key = command.getMetaData().get(CommandMetadata.IDEMPOTENCY_KEY);
        Long recorded = key == null ? null : entries.versionAfter(key.toString());
        if (recorded != null) {
            return recorded;
        }
        Admission.checkDates(command.getPayload(), openedOn, clock);
        Object expected = command.getMetaData().get(CommandMetadata.EXPECTED_VERSION);
        if (expected != null && ((Number) expected).longValue() != entries.version()) {
            throw CommandRefused.staleVersion(entries.version(), expected);
        }
        if (phase == Phase.CLOSED) {
            Admission.checkFollowUp(command.getPayload(), closedOn);
        }
        chain.proceed();
        return entries.version();
    }

    @CommandHandler
    void handle(CloseTrajectory cmd) {
        Guards.required("reason", cmd.reason());
        Guards.notBefore("closedOn", cmd.closedOn(), phaseSince, "the start of the current phase");
        if (phase == Phase.DETENTION) {
            throw CommandRefused.conflict("a trajectory cannot be closed during a detention; end the detention first");
        }
        apply(new TrajectoryClosed(trajectoryId, cmd.closedOn(), cmd.reason(), cmd.recordedBy()));
    }

    @CommandHandler
    void handle(AssignCaseworker cmd) {
        Guards.text("caseworker", cmd.caseworker(), FieldLimits.CASEWORKER);
        if (cmd.caseworker().trim().equals(caseworker)) {
            throw CommandRefused.conflict(caseworker + " is already the caseworker");
        }
        apply(new CaseworkerAssigned(trajectoryId, cmd.caseworker().trim(), cmd.assignedOn(), cmd.recordedBy()));
    }

    @CommandHandler
    void handle(TransferTrajectory cmd, MetaData metaData) {
        Guards.required(ReferenceRules.NEIGHBOURHOOD, cmd.toNeighbourhood());
        Wijk target = ReferenceRules.wijk(cmd.toNeighbourhood());
        if (target.focusArea() == null || !CommandMetadata.inScope(metaData, target.focusArea())) {
            throw new CommandRefused(new Rejection(Rejection.Kind.FORBIDDEN, null,
                    "the target neighbourhood is outside your focus areas"));
        }
        if (!target.focusArea().equals(cmd.toFocusArea())) {
            throw CommandRefused.invalid(ReferenceRules.NEIGHBOURHOOD, "lies in focus area " + target.focusArea());
        }
        if (target.code().equals(neighbourhood)) {
            throw CommandRefused.conflict("the trajectory is already in " + neighbourhood);
        }
        apply(new TrajectoryTransferred(trajectoryId, neighbourhood, target.code(), target.focusArea(),
                cmd.transferredOn(), cmd.recordedBy()));
    }

    @CommandHandler
    void handle(RecordRiskAssessment cmd) {
        if (cmd.domains() == null || cmd.domains().isEmpty() || cmd.domains().values().stream().anyMatch(Objects::isNull)) {
            throw CommandRefused.invalid("domains", "needs a level for at least one life domain");
        }
        Guards.required("overall", cmd.overall());
        apply(new RiskAssessmentRecorded(trajectoryId, cmd.assessedOn(), cmd.domains(), cmd.overall(),
                cmd.recordedBy()));
    }

    @CommandHandler
    void handle(RecordContact cmd) {
        ReferenceRules.inCatalogue("kind", Catalogue.CONTACT_KINDS, cmd.kind());
        apply(new ContactRecorded(trajectoryId, cmd.kind(), cmd.contactOn(), cmd.note(), cmd.recordedBy()));
    }

    @CommandHandler
    void handle(RecordPoliceContact cmd) {
        ReferenceRules.inCatalogue("kind", Catalogue.POLICE_CONTACT_KINDS, cmd.kind());
        apply(new PoliceContactRecorded(trajectoryId, cmd.kind(), cmd.contactOn(), cmd.recordedBy()));
    }

    @CommandHandler
    void handle(AssessBasicCondition cmd) {
        Guards.required("condition", cmd.condition());
        Guards.required("status", cmd.status());
        apply(new BasicConditionAssessed(trajectoryId, cmd.condition(), cmd.status(), cmd.assessedOn(),
                cmd.recordedBy()));
    }

    @CommandHandler
    void handle(RecordOutcome cmd) {
        Guards.required("kind", cmd.kind());
        apply(new OutcomeRecorded(trajectoryId, cmd.kind(), cmd.achievedOn(), cmd.recordedBy()));
    }

    @EventSourcingHandler
    void on(TrajectoryOpened e) {
        trajectoryId = e.trajectoryId();
        youthId = e.youthId();
        neighbourhood = e.neighbourhood();
        focusArea = e.focusArea();
        openedOn = e.openedOn();
        phase = Phase.PREVENTION;
        phaseSince = e.openedOn();
    }

    @EventSourcingHandler
    void on(CaseworkerAssigned e) {
        caseworker = e.caseworker();
    }

    @EventSourcingHandler
    void on(TrajectoryTransferred e) {
        neighbourhood = e.toNeighbourhood();
        focusArea = e.toFocusArea();
    }

    @EventSourcingHandler
    void on(DetentionStarted e) {
        phase = Phase.DETENTION;
        phaseSince = e.startedOn();
    }

    @EventSourcingHandler
    void on(AftercareStarted e) {
        phase = Phase.AFTERCARE;
        phaseSince = e.startedOn();
    }

    @EventSourcingHandler
    void on(TrajectoryClosed e) {
        phase = Phase.CLOSED;
        phaseSince = e.closedOn();
        closedOn = e.closedOn();
    }
}
