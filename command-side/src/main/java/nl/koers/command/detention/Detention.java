package nl.koers.command.detention;

import nl.koers.events.detention.DetentionType;

import java.time.LocalDate;

/**
 * The detention in progress, as far as the rules need it: when it started, whether the once-only steps happened,
 * and the latest step date (the detention cannot end before it).
 */
record Detention(DetentionType type, LocalDate startedOn, LocalDate networkMeetingOn, LocalDate stpStartedOn,
                 LocalDate latestStepOn) {

    static Detention started(DetentionType type, LocalDate startedOn) {
        return new Detention(type, startedOn, null, null, startedOn);
    }

    Detention withNetworkMeeting(LocalDate heldOn) {
        return new Detention(type, startedOn, heldOn, stpStartedOn, later(heldOn));
    }

    Detention withStp(LocalDate startedOn) {
        return new Detention(type, this.startedOn, networkMeetingOn, startedOn, later(startedOn));
    }

    Detention withStep(LocalDate on) {
        return new Detention(type, startedOn, networkMeetingOn, stpStartedOn, later(on));
    }

    private LocalDate later(LocalDate date) {
        return date != null && date.isAfter(latestStepOn) ? date : latestStepOn;
    }
}
