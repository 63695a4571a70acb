package nl.koers.command.trajectory;

import nl.koers.events.trajectory.ReferralSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** A request that ends up in a log line (Spring logs bodies at debug level) shows no personal data. */
class OpenTrajectoryRequestTest {

    @Test
    void theRequestsTextFormHidesNamesBirthDateBsnAndTheReferralReason() {
        var request = new OpenTrajectoryRequest("WK059910", LocalDate.of(2026, 1, 15),
                new OpenTrajectoryRequest.Referral(ReferralSource.SCHOOL, "broer in de problemen"),
                new OpenTrajectoryRequest.Youth("Zebediaus", "Quirinalis", LocalDate.of(2009, 7, 13), "111222333"),
                null);
        assertThat(request.toString())
                .contains("WK059910", "SCHOOL")
                .doesNotContain("Zebediaus", "Quirinalis", "2009-07-13", "111222333", "broer");
    }
}
