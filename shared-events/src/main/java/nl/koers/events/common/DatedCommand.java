package nl.koers.events.common;

import java.util.List;

/**
 * A command on a trajectory states its own business dates, as an event states {@code occurredOn()}: the
 * trajectory checks each one (not in the future, not before it opened) before its own rules run. Every
 * trajectory command implements this; a command that does not is refused, so none can skip the date rules.
 */
public interface DatedCommand {

    /** Every business date of the command, the leading one (the day the fact happened) first. */
    List<BusinessDate> businessDates();
}
