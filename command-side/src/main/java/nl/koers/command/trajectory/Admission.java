package nl.koers.command.trajectory;

import nl.koers.command.common.Guards;
import nl.koers.events.aftercare.AssessBasicCondition;
import nl.koers.events.assessment.RecordRiskAssessment;
import nl.koers.events.common.CommandRefused;
import nl.koers.events.contact.RecordContact;
import nl.koers.events.contact.RecordPoliceContact;
import nl.koers.events.correction.CorrectEntry;
import nl.koers.events.correction.RetractEntry;
import nl.koers.events.detention.EndDetention;
import nl.koers.events.detention.RecordNetworkMeeting;
import nl.koers.events.detention.RecordTrajectoryMeeting;
import nl.koers.events.detention.SetPerspectiefplan;
import nl.koers.events.detention.StartDetention;
import nl.koers.events.detention.StartStp;
import nl.koers.events.intervention.CompleteIntervention;
import nl.koers.events.intervention.PlanIntervention;
import nl.koers.events.intervention.RecordIntervention;
import nl.koers.events.intervention.StartIntervention;
import nl.koers.events.intervention.StopIntervention;
import nl.koers.events.outcome.RecordOutcome;
import nl.koers.events.trajectory.AssignCaseworker;
import nl.koers.events.trajectory.CloseTrajectory;
import nl.koers.events.trajectory.TransferTrajectory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The rules every command on an existing trajectory shares, kept in one place so no handler can forget them:
 * each business date lies neither in the future nor before the trajectory opened, and after close only
 * follow-up is accepted. A command type missing from {@link #datesOf} fails loudly instead of skipping the check.
 */
final class Admission {
    /** How long after closing police contacts and outcomes still count (the recidivism measures of /api/outcomes). */
    static final int FOLLOW_UP_MONTHS = 24;

    private Admission() {
    }

    /** A business date of a command, named as the HTTP field that carries it. */
    record Dated(String field, LocalDate date, boolean required) {
        static Dated of(String field, LocalDate date) {
            return new Dated(field, date, true);
        }

        static Dated optional(String field, LocalDate date) {
            return new Dated(field, date, false);
        }
    }

    static void checkDates(Object command, LocalDate openedOn, Clock clock) {
        for (Dated dated : datesOf(command)) {
            if (dated.date() == null) {
                if (dated.required()) {
                    throw CommandRefused.invalid(dated.field(), "is required");
                }
                continue;
            }
            Guards.notInFuture(dated.field(), dated.date(), clock);
            Guards.notBefore(dated.field(), dated.date(), openedOn, "the trajectory opened");
        }
    }

    /** On a closed trajectory: police contacts and outcomes dated up to 24 months after the close; nothing else. */
    static void checkFollowUp(Object command, LocalDate closedOn) {
        if (!(command instanceof RecordPoliceContact || command instanceof RecordOutcome)) {
            throw CommandRefused.conflict("the trajectory is closed; only police contacts and outcomes can still "
                    + "be recorded");
        }
        LocalDate followUpEnds = closedOn.plusMonths(FOLLOW_UP_MONTHS);
        LocalDate date = datesOf(command).get(0).date();
        if (date.isAfter(followUpEnds)) {
            throw CommandRefused.conflict("the follow-up of this trajectory ended on " + followUpEnds
                    + ", 24 months after it closed");
        }
    }

    static List<Dated> datesOf(Object c) {
        if (c instanceof CloseTrajectory x) {
            return List.of(Dated.of("closedOn", x.closedOn()));
        } else if (c instanceof AssignCaseworker x) {
            return List.of(Dated.of("assignedOn", x.assignedOn()));
        } else if (c instanceof TransferTrajectory x) {
            return List.of(Dated.of("transferredOn", x.transferredOn()));
        } else if (c instanceof RecordRiskAssessment x) {
            return List.of(Dated.of("assessedOn", x.assessedOn()));
        } else if (c instanceof RecordContact x) {
            return List.of(Dated.of("contactOn", x.contactOn()));
        } else if (c instanceof RecordPoliceContact x) {
            return List.of(Dated.of("on", x.contactOn()));
        } else if (c instanceof AssessBasicCondition x) {
            return List.of(Dated.of("assessedOn", x.assessedOn()));
        } else if (c instanceof RecordOutcome x) {
            return List.of(Dated.of("achievedOn", x.achievedOn()));
        } else if (c instanceof PlanIntervention x) {
            return List.of(Dated.of("plannedOn", x.plannedOn()));
        } else if (c instanceof StartIntervention x) {
            return List.of(Dated.of("startedOn", x.startedOn()));
        } else if (c instanceof RecordIntervention x) {
            return List.of(Dated.of("startedOn", x.startedOn()), Dated.optional("endedOn", x.endedOn()));
        } else if (c instanceof CompleteIntervention x) {
            return List.of(Dated.of("completedOn", x.completedOn()));
        } else if (c instanceof StopIntervention x) {
            return List.of(Dated.of("stoppedOn", x.stoppedOn()));
        } else if (c instanceof StartDetention x) {
            return List.of(Dated.of("startedOn", x.startedOn()));
        } else if (c instanceof RecordNetworkMeeting x) {
            return List.of(Dated.of("heldOn", x.heldOn()));
        } else if (c instanceof SetPerspectiefplan x) {
            return List.of(Dated.of("setOn", x.setOn()));
        } else if (c instanceof RecordTrajectoryMeeting x) {
            return List.of(Dated.of("heldOn", x.heldOn()));
        } else if (c instanceof StartStp x) {
            return List.of(Dated.of("startedOn", x.startedOn()));
        } else if (c instanceof EndDetention x) {
            return List.of(Dated.of("endedOn", x.endedOn()));
        } else if (c instanceof CorrectEntry x) {
            return List.of(Dated.of("correctedOn", x.correctedOn()), Dated.optional("newOccurredOn", x.newOccurredOn()));
        } else if (c instanceof RetractEntry x) {
            return List.of(Dated.of("retractedOn", x.retractedOn()));
        }
        throw new IllegalArgumentException("no business date is known for " + c.getClass().getSimpleName());
    }
}
