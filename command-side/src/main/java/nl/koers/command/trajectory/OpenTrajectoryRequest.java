package nl.koers.command.trajectory;

import nl.koers.command.common.ReferenceChecks;
import nl.koers.events.common.Bsn;
import nl.koers.events.common.FieldLimits;
import nl.koers.events.reference.Wijk;
import nl.koers.events.trajectory.ReferralSource;
import nl.koers.platform.web.FieldChecks;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * Body of {@code POST /api/trajectories} (api.md). Personal fields are sealed before anything is stored.
 * {@code caseworker} (optional) names the trajectory's caseworker; without it the one who opens it is.
 */
public record OpenTrajectoryRequest(String neighbourhood, LocalDate openedOn, Referral referral, Youth youth,
                                    String caseworker) {

    public record Referral(ReferralSource source, String reason) {
        @Override
        public String toString() {
            return "Referral[" + source + ", reason hidden]";
        }
    }

    public record Youth(String givenName, String familyName, LocalDate birthDate, String bsn) {
        /** The BSN, when one was given. */
        Optional<Bsn> validBsn() {
            return bsn == null || bsn.isBlank() ? Optional.empty() : Optional.of(Bsn.of(bsn));
        }

        @Override
        public String toString() {
            return "Youth[personal data hidden]";
        }
    }

    /** Every problem of the request in itself (400); answers the district when it is a known one. */
    Optional<Wijk> check(FieldChecks checks) {
        Optional<Wijk> wijk = ReferenceChecks.wijk(checks, neighbourhood);
        checks.pastOrToday("openedOn", openedOn);
        if (checks.required("referral", referral)) {
            checks.required("referral.source", referral.source());
            checks.required("referral.reason", referral.reason());
            checks.maxLength("referral.reason", referral.reason(), FieldLimits.REFERRAL_REASON);
        }
        if (checks.required("youth", youth)) {
            checks.required("youth.givenName", youth.givenName());
            checks.required("youth.familyName", youth.familyName());
            checks.maxLength("youth.givenName", youth.givenName(), FieldLimits.NAME);
            checks.maxLength("youth.familyName", youth.familyName(), FieldLimits.NAME);
            if (checks.pastOrToday("youth.birthDate", youth.birthDate()) && openedOn != null) {
                checks.check(Trajectory.ageInProgramme(ageAtOpening()), "youth.birthDate",
                        "the youth must be " + Trajectory.YOUNGEST + " to " + Trajectory.OLDEST
                                + " years old when the trajectory opens");
            }
            if (youth.bsn() != null && !youth.bsn().isBlank()) {
                checks.check(Bsn.valid(youth.bsn()), "youth.bsn", "is not a valid BSN (9 digits, eleven test)");
            }
        }
        return wijk;
    }

    /** Whole years between the birth date and the opening; only for a request that passed {@link #check}. */
    int ageAtOpening() {
        return Period.between(youth.birthDate(), openedOn).getYears();
    }
}
