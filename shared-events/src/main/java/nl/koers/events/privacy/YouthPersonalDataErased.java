package nl.koers.events.privacy;

import nl.koers.events.common.YouthId;
import org.axonframework.serialization.Revision;

/**
 * The youth's key was destroyed: every sealed field of this youth is unreadable from now on, in every event,
 * view and backup. The reason is the administrator's justification (a legal ground), not personal data.
 */
@Revision("1")
public record YouthPersonalDataErased(YouthId youthId, String reason, String erasedBy) {
}
