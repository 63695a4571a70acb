package nl.koers.command.common;

import nl.koers.command.youth.TrajectoryYouths;
import nl.koers.events.common.EncryptedValue;
import nl.koers.events.common.TrajectoryId;
import nl.koers.events.common.YouthId;
import nl.koers.platform.crypto.PersonalDataCipher;
import nl.koers.platform.web.ApiProblem;
import org.springframework.stereotype.Component;

/**
 * Seals the free text of a request (notes, summaries, explanations) with the key of the trajectory's youth before
 * it enters a command, so no command or event ever carries it in clear. After erasure nothing new is sealed.
 */
@Component
public class FreeText {
    private final TrajectoryYouths youths;
    private final PersonalDataCipher cipher;

    public FreeText(TrajectoryYouths youths, PersonalDataCipher cipher) {
        this.youths = youths;
        this.cipher = cipher;
    }

    /** The text sealed for the trajectory's youth; blank or null stays null. */
    public EncryptedValue seal(TrajectoryId trajectory, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        YouthId youth = youths.youthOf(trajectory).orElseThrow(() -> ApiProblem.notFound("no such trajectory"));
        if (cipher.erased(youth)) {
            throw ApiProblem.conflict("the youth's personal data were erased; free text can no longer be recorded");
        }
        return cipher.seal(youth, text);
    }
}
