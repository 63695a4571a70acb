package nl.koers.command.trajectory;

import nl.koers.events.common.CommandRefused;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Date rules shared by every command: nothing in the future, nothing before the trajectory's start. */
final class Guards {
    /** Business dates are Dutch calendar dates. */
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private Guards() {
    }

    static void notInFuture(String field, LocalDate date, Clock clock) {
        if (date.isAfter(LocalDate.now(clock.withZone(ZONE)))) {
            throw CommandRefused.invalid(field, "lies in the future");
        }
    }

    static void notBefore(String field, LocalDate date, LocalDate limit, String what) {
        if (limit != null && date.isBefore(limit)) {
            throw CommandRefused.invalid(field, "lies before " + what + " (" + limit + ")");
        }
    }
}
