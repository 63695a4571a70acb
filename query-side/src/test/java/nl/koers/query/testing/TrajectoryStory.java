package nl.koers.query.testing;

import nl.koers.events.common.CbsWijkCode;
import nl.koers.events.common.FocusAreaCode;
import nl.koers.events.common.SealedYouth;
import nl.koers.events.common.TrajectoryEvent;
import nl.koers.events.common.TrajectoryId;
import nl.koers.events.common.YouthId;
import nl.koers.events.reference.ReferenceData;
import nl.koers.events.trajectory.ReferralSource;
import nl.koers.events.trajectory.TrajectoryOpened;
import nl.koers.platform.crypto.PersonalDataCipher;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * One trajectory's events as the event store holds them: domain event messages with the trajectory id as
 * aggregate id, consecutive sequence numbers, an event id and a recorded time (one minute apart unless given).
 * Personal fields are sealed with the youth's key, as the write side does.
 */
public final class TrajectoryStory {
    public static final String WORKER = "jeugdwerker";
    private final TrajectoryId id = TrajectoryId.newId();
    private final YouthId youth = YouthId.newId();
    private final PersonalDataCipher cipher;
    private final List<DomainEventMessage<?>> messages = new ArrayList<>();
    private Instant recordedAt;

    private TrajectoryStory(PersonalDataCipher cipher, Instant firstRecordedAt) {
        this.cipher = cipher;
        this.recordedAt = firstRecordedAt;
    }

    /** Opened in {@code wijk} (its focus area from the reference data) on {@code openedOn}. */
    public static TrajectoryStory opened(PersonalDataCipher cipher, String wijk, LocalDate openedOn) {
        return opened(cipher, wijk, openedOn, openedOn.atStartOfDay().toInstant(java.time.ZoneOffset.UTC)
                .plus(Duration.ofHours(9)));
    }

    public static TrajectoryStory opened(PersonalDataCipher cipher, String wijk, LocalDate openedOn,
                                         Instant recordedAt) {
        return opened(cipher, wijk, openedOn, recordedAt, new Youth("Sem", "de Vries", "2010-04-01", null));
    }

    /** A youth's details in clear, as a worker types them; sealed when the story is told. */
    public record Youth(String givenName, String familyName, String birthDate, String bsn) {
    }

    /** A trajectory of this youth, recorded at 09:00 UTC on {@code openedOn}. */
    public static TrajectoryStory opened(PersonalDataCipher cipher, String wijk, LocalDate openedOn, Youth youth) {
        return opened(cipher, wijk, openedOn, openedOn.atStartOfDay().toInstant(java.time.ZoneOffset.UTC)
                .plus(Duration.ofHours(9)), youth);
    }

    public static TrajectoryStory opened(PersonalDataCipher cipher, String wijk, LocalDate openedOn,
                                         Instant recordedAt, Youth youth) {
        TrajectoryStory story = new TrajectoryStory(cipher, recordedAt);
        CbsWijkCode code = new CbsWijkCode(wijk);
        FocusAreaCode area = ReferenceData.get().wijk(code).orElseThrow().focusArea();
        story.append(recordedAt, new TrajectoryOpened(story.id, story.youth, code, area, openedOn,
                ReferralSource.SCHOOL, cipher.seal(story.youth, "Verzuim en ruzie op school"),
                new SealedYouth(cipher.seal(story.youth, youth.givenName()), cipher.seal(story.youth,
                        youth.familyName()), cipher.seal(story.youth, youth.birthDate()),
                        youth.bsn() == null ? null : cipher.seal(story.youth, youth.bsn())),
                15, WORKER));
        return story;
    }

    public TrajectoryStory then(Function<TrajectoryStory, TrajectoryEvent> event) {
        return thenAt(recordedAt.plus(Duration.ofMinutes(1)), event);
    }

    public TrajectoryStory thenAt(Instant at, Function<TrajectoryStory, TrajectoryEvent> event) {
        append(at, event.apply(this));
        return this;
    }

    private void append(Instant at, TrajectoryEvent event) {
        recordedAt = at;
        messages.add(new GenericDomainEventMessage<>("Trajectory", id.value(), messages.size(), event,
                MetaData.from(Map.of("user", event.recordedBy())), UUID.randomUUID().toString(), at));
    }

    public TrajectoryId id() {
        return id;
    }

    public YouthId youth() {
        return youth;
    }

    public PersonalDataCipher cipher() {
        return cipher;
    }

    /** The event id of the event with this sequence number. */
    public String eventId(int sequence) {
        return messages.get(sequence).getIdentifier();
    }

    public String lastEventId() {
        return messages.get(messages.size() - 1).getIdentifier();
    }

    public long version() {
        return messages.size() - 1;
    }

    public Instant recordedAt(int sequence) {
        return messages.get(sequence).getTimestamp();
    }

    public List<DomainEventMessage<?>> messages() {
        return List.copyOf(messages);
    }
}
