package nl.koers.query.outcome;

import nl.koers.query.common.ViewGenerations;
import com.mongodb.client.MongoDatabase;
import nl.koers.events.aftercare.BasicCondition;
import nl.koers.events.aftercare.BasicConditionAssessed;
import nl.koers.events.aftercare.ConditionStatus;
import nl.koers.events.contact.PoliceContactRecorded;
import nl.koers.events.correction.EntryRetracted;
import nl.koers.events.detention.DetentionEnded;
import nl.koers.events.detention.DetentionStarted;
import nl.koers.events.detention.DetentionType;
import nl.koers.events.detention.ReleaseReason;
import nl.koers.events.trajectory.ClosureReason;
import nl.koers.events.trajectory.TrajectoryClosed;
import nl.koers.platform.crypto.PersonalDataCipher;
import nl.koers.query.testing.Feed;
import nl.koers.query.testing.TestCipher;
import nl.koers.query.testing.TestMongo;
import nl.koers.query.testing.TrajectoryStory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static nl.koers.query.testing.TrajectoryStory.WORKER;
import static org.assertj.core.api.Assertions.assertThat;

class OutcomeProjectionTest {
    static final LocalDate TODAY = LocalDate.of(2028, 6, 15);
    static final String FEIJENOORD = "WK059910";
    private PersonalDataCipher cipher;
    private Feed feed;
    private OutcomeQueries queries;

    @BeforeEach
    void setUp() {
        MongoDatabase database = TestMongo.freshDatabase();
        cipher = TestCipher.in(database);
        feed = new Feed(new OutcomeProjection(new ViewGenerations(database)));
        queries = new OutcomeQueries(new ViewGenerations(database), Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC),
                ZoneOffset.UTC));
    }

    private TrajectoryStory opened2026() {
        return TrajectoryStory.opened(cipher, FEIJENOORD, LocalDate.of(2026, 2, 1));
    }

    private TrajectoryStory closed(ClosureReason reason, LocalDate on) {
        return opened2026().then(s -> new TrajectoryClosed(s.id(), on, reason, WORKER));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> map, String... path) {
        Map<String, Object> current = map;
        for (String key : path) {
            current = (Map<String, Object>) current.get(key);
        }
        return current;
    }

    @Test
    void closedPerReasonWithSmallCountsSuppressedAndTheTotalWithheld() {
        for (int i = 0; i < 6; i++) {
            feed.deliver(closed(ClosureReason.GOALS_REACHED, LocalDate.of(2026, 9, 1)).messages());
        }
        for (int i = 0; i < 2; i++) {
            feed.deliver(closed(ClosureReason.MOVED, LocalDate.of(2026, 9, 1)).messages());
        }
        for (int i = 0; i < 2; i++) {
            feed.deliver(opened2026().messages());
        }
        feed.deliver(TrajectoryStory.opened(cipher, FEIJENOORD, LocalDate.of(2025, 12, 31)).messages());

        Map<String, Object> outcomes = queries.outcomes("FA03", 2026);
        assertThat(at(outcomes, "trajectories")).containsEntry("count", 10L);
        assertThat(at(outcomes, "closed", "byReason", "GOALS_REACHED")).containsEntry("count", 6L)
                .containsEntry("share", 0.6);
        assertThat(at(outcomes, "closed", "byReason", "MOVED")).containsEntry("count", "<5").containsEntry("share", null);
        assertThat(at(outcomes, "closed", "byReason", "REFUSED")).containsEntry("count", 0L);
        assertThat(at(outcomes, "closed", "total")).containsEntry("count", null).containsEntry("suppressed", true);
        assertThat(at(queries.outcomes("FA03", 2025), "trajectories")).containsEntry("count", "<5");
    }

    @Test
    void withoutSmallCellsTheClosedTotalIsShown() {
        for (int i = 0; i < 5; i++) {
            feed.deliver(closed(ClosureReason.AGE_LIMIT, LocalDate.of(2026, 9, 1)).messages());
        }
        assertThat(at(queries.outcomes("FA03", 2026), "closed", "total")).containsEntry("count", 5L)
                .containsEntry("share", 1.0);
    }

    @Test
    void basicConditionsCountAsMetWhenTheLastAssessmentOnOrBeforeReleaseWasMet() {
        LocalDate release = LocalDate.of(2026, 8, 1);
        for (int i = 0; i < 6; i++) {
            boolean housingLate = i >= 3;
            TrajectoryStory story = opened2026()
                    .then(s -> new DetentionStarted(s.id(), DetentionType.YOUTH_DETENTION, "JJI",
                            LocalDate.of(2026, 3, 1), WORKER));
            for (BasicCondition condition : BasicCondition.values()) {
                LocalDate on = condition == BasicCondition.HOUSING && housingLate ? release.plusDays(1)
                        : release.minusDays(10);
                story.then(s -> new BasicConditionAssessed(s.id(), condition, ConditionStatus.MET, on, WORKER));
            }
            story.then(s -> new BasicConditionAssessed(s.id(), BasicCondition.DEBTS, ConditionStatus.PARTLY,
                    release.minusDays(1), WORKER));
            story.then(s -> new DetentionEnded(s.id(), release, ReleaseReason.SENTENCE_SERVED, WORKER));
            feed.deliver(story.messages());
        }
        Map<String, Object> conditions = at(queries.outcomes("FA03", 2026), "basicConditionsAtRelease");
        assertThat(at(conditions, "released")).containsEntry("count", 6L);
        assertThat(at(conditions, "met", "ID")).containsEntry("count", 6L).containsEntry("share", 1.0);
        assertThat(at(conditions, "met", "HOUSING")).containsEntry("count", "<5");
        assertThat(at(conditions, "met", "DEBTS")).containsEntry("count", 0L);
        assertThat(at(conditions, "met", "DAYTIME_ACTIVITY")).containsEntry("count", 6L);
        assertThat(at(conditions, "allFiveMet")).containsEntry("count", 0L);
    }

    @Test
    void newPoliceContactsCountPerWindowOverYouthsFollowedUpForTheWholeWindow() {
        LocalDate release = LocalDate.of(2027, 1, 10);
        LocalDate[] firstContacts = {release.plusMonths(1), release.plusMonths(2), release.plusMonths(3), release.plusMonths(5),
                release.plusMonths(6), release.plusMonths(7), release.plusMonths(9), release.plusMonths(11), null};
        for (LocalDate contact : firstContacts) {
            TrajectoryStory story = opened2026()
                    .then(s -> new DetentionStarted(s.id(), DetentionType.PRE_TRIAL, "JJI", LocalDate.of(2026, 6, 1),
                            WORKER))
                    .then(s -> new DetentionEnded(s.id(), release, ReleaseReason.RELEASED_BY_COURT, WORKER))
                    .then(s -> new PoliceContactRecorded(s.id(), "ARREST", release.minusDays(3), WORKER));
            if (contact != null) {
                story.then(s -> new PoliceContactRecorded(s.id(), "ARREST", contact, WORKER));
            }
            feed.deliver(story.messages());
        }
        Map<String, Object> afterRelease = at(queries.outcomes("FA03", 2026), "newPoliceContact", "afterRelease");
        assertThat(at(afterRelease, "within6Months", "followedUp")).containsEntry("count", 9L);
        assertThat(at(afterRelease, "within6Months", "withNewContact")).containsEntry("count", 5L)
                .containsEntry("share", 0.556);
        assertThat(at(afterRelease, "within12Months", "withNewContact")).containsEntry("count", 8L);
        // released 17 months before today: nobody has been followed up for 24 months yet
        assertThat(at(afterRelease, "within24Months", "followedUp")).containsEntry("count", 0L);
        assertThat(at(afterRelease, "within24Months", "withNewContact")).containsEntry("count", 0L)
                .containsEntry("share", null);
    }

    @Test
    void aRetractedPoliceContactNoLongerCountsAndFollowUpAfterCloseDoes() {
        LocalDate closedOn = LocalDate.of(2026, 5, 1);
        for (int i = 0; i < 5; i++) {
            TrajectoryStory story = closed(ClosureReason.GOALS_REACHED, closedOn)
                    .then(s -> new PoliceContactRecorded(s.id(), "HALT_REFERRAL", closedOn.plusMonths(4), WORKER));
            if (i == 0) {
                story.then(s -> new EntryRetracted(s.id(), s.eventId(2), closedOn.plusMonths(5), null, WORKER));
            }
            feed.deliver(story.messages());
        }
        Map<String, Object> afterClose = at(queries.outcomes("FA03", 2026), "newPoliceContact", "afterClose");
        assertThat(at(afterClose, "within6Months", "followedUp")).containsEntry("count", 5L);
        assertThat(at(afterClose, "within6Months", "withNewContact")).containsEntry("count", "<5");
        assertThat(at(afterClose, "within24Months", "followedUp")).containsEntry("count", 5L);
    }

    @Test
    void deliveringEveryEventTwiceCountsEachOnce() {
        TrajectoryStory story = closed(ClosureReason.REFUSED, LocalDate.of(2026, 4, 1))
                .then(s -> new PoliceContactRecorded(s.id(), "ARREST", LocalDate.of(2026, 5, 1), WORKER));
        for (int i = 0; i < 5; i++) {
            TrajectoryStory other = closed(ClosureReason.REFUSED, LocalDate.of(2026, 4, 1));
            other.messages().forEach(m -> feed.deliver(m).deliver(m));
        }
        story.messages().forEach(m -> feed.deliver(m).deliver(m));
        Map<String, Object> outcomes = queries.outcomes("FA03", 2026);
        assertThat(at(outcomes, "closed", "byReason", "REFUSED")).containsEntry("count", 6L);
        assertThat(at(outcomes, "newPoliceContact", "afterClose", "within6Months", "withNewContact"))
                .containsEntry("count", "<5");
    }
}
