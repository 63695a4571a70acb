package nl.koers.query.history;

import nl.koers.query.common.ViewGenerations;
import com.mongodb.client.MongoDatabase;
import nl.koers.events.common.CbsWijkCode;
import nl.koers.events.common.FocusAreaCode;
import nl.koers.events.common.InterventionId;
import nl.koers.events.contact.ContactRecorded;
import nl.koers.events.correction.EntryCorrected;
import nl.koers.events.correction.EntryRetracted;
import nl.koers.events.detention.DetentionStarted;
import nl.koers.events.detention.DetentionType;
import nl.koers.events.intervention.InterventionStarted;
import nl.koers.events.trajectory.TrajectoryTransferred;
import nl.koers.platform.crypto.PersonalDataCipher;
import nl.koers.platform.crypto.YouthKeyStore;
import nl.koers.query.common.PersonalFields;
import nl.koers.query.common.VersionWait;
import nl.koers.query.testing.Feed;
import nl.koers.query.testing.TestCipher;
import nl.koers.query.testing.TestMongo;
import nl.koers.query.testing.TrajectoryStory;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static nl.koers.query.testing.TrajectoryStory.WORKER;
import static org.assertj.core.api.Assertions.assertThat;

class HistoryProjectionTest {
    private static final String FEIJENOORD = "WK059910";
    private MongoDatabase database;
    private YouthKeyStore keys;
    private PersonalDataCipher cipher;
    private Feed feed;
    private HistoryQueries queries;

    @BeforeEach
    void setUp() {
        database = TestMongo.freshDatabase();
        keys = TestCipher.keyStore(database);
        cipher = new PersonalDataCipher(keys);
        feed = new Feed(new HistoryProjection(new ViewGenerations(database)));
        queries = new HistoryQueries(new ViewGenerations(database));
    }

    private TrajectoryStory story() {
        return TrajectoryStory.opened(cipher, FEIJENOORD, LocalDate.of(2026, 1, 5))
                .then(s -> new ContactRecorded(s.id(), "HOME_VISIT", LocalDate.of(2026, 1, 7),
                        cipher.seal(s.youth(), "Moeder maakt zich zorgen"), WORKER))
                .then(s -> new InterventionStarted(s.id(), InterventionId.newId(), "HALT_AFDOENING",
                        LocalDate.of(2026, 1, 9), null, WORKER))
                .then(s -> new DetentionStarted(s.id(), DetentionType.PRE_TRIAL, "JJI Teylingereind",
                        LocalDate.of(2026, 2, 1), WORKER));
    }

    private List<Map<String, Object>> entries(TrajectoryStory story, java.time.Instant knownAt) {
        Document doc = queries.find(story.id().value(), null).orElseThrow().document();
        return HistoryAnswer.entries(doc, knownAt, new PersonalFields(cipher).of(story.youth().value()));
    }

    @Test
    void everyEntryInOrderWithItsEnvelopeAndFields() {
        TrajectoryStory story = story();
        feed.deliver(story.messages());
        List<Map<String, Object>> entries = entries(story, null);
        assertThat(entries).extracting(e -> e.get("type")).containsExactly("TrajectoryOpened", "ContactRecorded",
                "InterventionStarted", "DetentionStarted");
        Map<String, Object> contact = entries.get(1);
        assertThat(contact.get("eventId")).isEqualTo(story.eventId(1));
        assertThat(contact.get("occurredOn")).isEqualTo("2026-01-07");
        assertThat(contact.get("recordedAt")).isEqualTo(story.recordedAt(1).toString());
        assertThat(contact.get("recordedBy")).isEqualTo(WORKER);
        assertThat(contact.get("kind")).isEqualTo("HOME_VISIT");
        assertThat(contact.get("note")).isEqualTo("Moeder maakt zich zorgen");
        // fields that collide with the envelope are named after their feature
        assertThat(entries.get(2).get("interventionType")).isEqualTo("HALT_AFDOENING");
        assertThat(entries.get(3).get("detentionType")).isEqualTo("PRE_TRIAL");
        assertThat(entries.get(3).get("type")).isEqualTo("DetentionStarted");
        assertThat(entries.get(0).get("referralReason")).isEqualTo("Verzuim en ruzie op school");
        assertThat(entries.get(0)).doesNotContainKeys("youth", "givenName");
    }

    @Test
    void freeTextStaysSealedInTheViewAndIsGoneAfterErasure() {
        TrajectoryStory story = story();
        feed.deliver(story.messages());
        Document stored = queries.find(story.id().value(), null).orElseThrow().document();
        assertThat(stored.toJson()).doesNotContain("Moeder").doesNotContain("Verzuim");

        keys.destroy(story.youth());
        PersonalFields.Opener opener = new PersonalFields(cipher).of(story.youth().value());
        List<Map<String, Object>> entries = HistoryAnswer.entries(stored, null, opener);
        assertThat(opener.erased()).isTrue();
        assertThat(entries.get(1).get("note")).isNull();
        assertThat(entries.get(1).get("kind")).isEqualTo("HOME_VISIT");
    }

    @Test
    void correctionsAreShownAgainstWhatTheyCorrect() {
        TrajectoryStory story = story()
                .then(s -> new EntryCorrected(s.id(), s.eventId(1), LocalDate.of(2026, 2, 2), LocalDate.of(2026, 1, 6),
                        cipher.seal(s.youth(), "Datum verkeerd overgenomen"), WORKER))
                .then(s -> new EntryRetracted(s.id(), s.eventId(2), LocalDate.of(2026, 2, 3), null, WORKER));
        feed.deliver(story.messages());
        List<Map<String, Object>> entries = entries(story, null);

        Map<String, Object> corrected = entries.get(1);
        assertThat(corrected.get("correctedBy")).isEqualTo(List.of(story.eventId(4)));
        assertThat(corrected.get("correctedOccurredOn")).isEqualTo("2026-01-06");
        assertThat(corrected.get("occurredOn")).isEqualTo("2026-01-07");
        Map<String, Object> correction = entries.get(4);
        assertThat(correction.get("correctedEventId")).isEqualTo(story.eventId(1));
        assertThat(correction.get("explanation")).isEqualTo("Datum verkeerd overgenomen");

        Map<String, Object> retracted = entries.get(2);
        assertThat(retracted.get("retracted")).isEqualTo(true);
        assertThat(retracted.get("retractedBy")).isEqualTo(story.eventId(5));
        assertThat(entries.get(5).get("retractedEventId")).isEqualTo(story.eventId(2));
    }

    @Test
    void knownAtShowsExactlyWhatWasRecordedByThenWithoutLaterCorrections() {
        TrajectoryStory story = story()
                .then(s -> new EntryRetracted(s.id(), s.eventId(1), LocalDate.of(2026, 2, 3), null, WORKER));
        feed.deliver(story.messages());

        List<Map<String, Object>> atContact = entries(story, story.recordedAt(1));
        assertThat(atContact).extracting(e -> e.get("eventId")).containsExactly(story.eventId(0), story.eventId(1));
        assertThat(atContact.get(1)).doesNotContainKey("retracted");

        List<Map<String, Object>> justBefore = entries(story, story.recordedAt(1).minusNanos(1));
        assertThat(justBefore).extracting(e -> e.get("eventId")).containsExactly(story.eventId(0));

        List<Map<String, Object>> afterRetraction = entries(story, story.recordedAt(4));
        assertThat(afterRetraction).hasSize(5);
        assertThat(afterRetraction.get(1).get("retracted")).isEqualTo(true);
    }

    @Test
    void aTransferMovesTheHistoryToTheNewFocusArea() {
        TrajectoryStory story = story()
                .then(s -> new TrajectoryTransferred(s.id(), new CbsWijkCode(FEIJENOORD), new CbsWijkCode("WK0363TA"),
                        new FocusAreaCode("FA01"), LocalDate.of(2026, 2, 5), WORKER));
        feed.deliver(story.messages());
        Document doc = queries.find(story.id().value(), null).orElseThrow().document();
        assertThat(doc.getString("focusArea")).isEqualTo("FA01");
        assertThat(entries(story, null).get(4).get("toNeighbourhood")).isEqualTo("WK0363TA");
    }

    @Test
    void redeliveryAppendsNothing() {
        TrajectoryStory story = story();
        feed.deliver(story.messages()).deliver(story.messages()).deliver(story.messages().get(1));
        assertThat(entries(story, null)).hasSize(4);
        assertThat(queries.find(story.id().value(), null).orElseThrow().document().get("version")).isEqualTo(3L);
    }

    @Test
    void waitingForAVersionAnswersAsSoonAsTheViewHasIt() throws Exception {
        TrajectoryStory story = story();
        feed.deliver(story.messages().subList(0, 2));
        Thread later = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            feed.deliver(story.messages().subList(2, 4));
        });
        later.start();
        VersionWait.Found found = VersionWait.find(histories(), story.id().value(), 3L, Duration.ofSeconds(30))
                .orElseThrow();
        later.join();
        assertThat(found.minVersionReached()).isTrue();
        assertThat(found.version()).isEqualTo(3);
    }

    @Test
    void waitingForAVersionThatDoesNotComeAnswersWithWhatThereIs() {
        TrajectoryStory story = story();
        feed.deliver(story.messages());
        VersionWait.Found found = VersionWait.find(histories(), story.id().value(), 9L, Duration.ofMillis(50))
                .orElseThrow();
        assertThat(found.minVersionReached()).isFalse();
        assertThat(found.version()).isEqualTo(3);
        assertThat(VersionWait.find(histories(), "00000000-0000-0000-0000-000000000000", 0L, Duration.ofMillis(50)))
                .isEmpty();
    }

    private com.mongodb.client.MongoCollection<org.bson.Document> histories() {
        return database.getCollection(HistoryView.COLLECTION);
    }
}
