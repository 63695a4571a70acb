package nl.koers.command.trajectory;

import nl.koers.events.trajectory.ReferralSource;

import java.time.LocalDate;

/** Body of {@code POST /api/trajectories} (api.md). Personal fields are sealed before anything is stored. */
public record OpenTrajectoryRequest(String neighbourhood, LocalDate openedOn, Referral referral, Youth youth) {

    public record Referral(ReferralSource source, String reason) {
        @Override
        public String toString() {
            return "Referral[" + source + ", reason hidden]";
        }
    }

    public record Youth(String givenName, String familyName, LocalDate birthDate, String bsn) {
        @Override
        public String toString() {
            return "Youth[personal data hidden]";
        }
    }
}
