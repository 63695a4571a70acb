package nl.koers.command.trajectory;

import nl.koers.command.common.Guards;
import nl.koers.events.common.BusinessDate;
import nl.koers.events.common.CommandRefused;
import nl.koers.events.common.DatedCommand;
import nl.koers.events.contact.RecordPoliceContact;
import nl.koers.events.outcome.RecordOutcome;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The rules every command on a trajectory shares, kept in one place so no handler can forget them: each business
 * date the command states ({@link DatedCommand}) lies neither in the future nor before the trajectory opened, and
 * after close only follow-up is accepted. A command that states no dates fails loudly instead of skipping them.
 */
final class Admission {
    /** How long after closing police contacts and outcomes still count (the recidivism measures of /api/outcomes). */
    static final int FOLLOW_UP_MONTHS = 24;

    private Admission() {
    }

    /** {@code openedOn}: null while the trajectory is being opened. */
    static void checkDates(Object command, LocalDate openedOn, Clock clock) {
        for (BusinessDate dated : dated(command).businessDates()) {
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
        if (dated(command).businessDates().get(0).date().isAfter(followUpEnds)) {
            throw CommandRefused.conflict("the follow-up of this trajectory ended on " + followUpEnds
                    + ", 24 months after it closed");
        }
    }

    private static DatedCommand dated(Object command) {
        if (command instanceof DatedCommand dated) {
            return dated;
        }
        throw new IllegalArgumentException(command.getClass().getSimpleName()
                + " does not state its business dates (DatedCommand); the trajectory accepts no such command");
    }
}
