package nl.koers.command.common;

import nl.koers.events.common.BusinessCalendar;
import nl.koers.events.common.CommandRefused;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Guard clauses the aggregate and its members share. The HTTP layer checks the same things first (400 before
 * 403); these keep the aggregate safe for every other sender too.
 */
public final class Guards {

    private Guards() {
    }

    public static void required(String field, Object value) {
        if (value == null) {
            throw CommandRefused.invalid(field, "is required");
        }
    }

    /** Required, not blank, and at most {@code maxLength} characters (see {@code FieldLimits}). */
    public static void text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw CommandRefused.invalid(field, "is required");
        }
        if (value.length() > maxLength) {
            throw CommandRefused.invalid(field, "is longer than " + maxLength + " characters");
        }
    }

    public static void notInFuture(String field, LocalDate date, Clock clock) {
        if (date.isAfter(BusinessCalendar.today(clock))) {
            throw CommandRefused.invalid(field, "lies in the future");
        }
    }

    public static void notBefore(String field, LocalDate date, LocalDate limit, String what) {
        if (limit != null && date != null && date.isBefore(limit)) {
            throw CommandRefused.invalid(field, "lies before " + what + " (" + limit + ")");
        }
    }
}
