package nl.koers.query.common;

import nl.koers.events.common.BusinessCalendar;

import java.time.Clock;
import java.time.LocalDate;

/** "Today" for date windows: a Dutch calendar date from the process clock, which tests control. */
public final class BusinessDates {
    private BusinessDates() {
    }

    public static LocalDate today(Clock clock) {
        return BusinessCalendar.today(clock);
    }

    public static LocalDate parse(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

    public static String format(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
