package nl.koers.command.intervention;

import java.time.LocalDate;

/** Where one intervention stands, and the dates its next step must not precede. */
record InterventionState(String type, Status status, LocalDate plannedOn, LocalDate startedOn) {

    enum Status { PLANNED, STARTED, COMPLETED, STOPPED }

    /** The latest date of the intervention so far: planning or start. */
    LocalDate since() {
        return startedOn != null ? startedOn : plannedOn;
    }

    InterventionState with(Status next) {
        return new InterventionState(type, next, plannedOn, startedOn);
    }

    InterventionState start(LocalDate date) {
        return new InterventionState(type, Status.STARTED, plannedOn, date);
    }
}
