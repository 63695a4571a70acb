package nl.koers.events.common;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Business dates (opened on, held on, closed on …) are Dutch calendar dates: "today" is today in Amsterdam,
 * whatever zone the process or the client runs in. The one place that says so, for both sides.
 */
public final class BusinessCalendar {
    /** As a string for annotations ({@code @Scheduled(zone = …)}). */
    public static final String ZONE_ID = "Europe/Amsterdam";
    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

    private BusinessCalendar() {
    }

    /** Today's business date by {@code clock}. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
