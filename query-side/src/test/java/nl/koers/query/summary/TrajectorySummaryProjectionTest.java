package nl.koers.query.summary;

import nl.koers.query.common.ViewGenerations;
import com.mongodb.client.MongoDatabase;
import nl.koers.events.common.CbsWijkCode;
import nl.koers.events.common.FocusAreaCode;
import nl.koers.events.correction.EntryCorrected;
import nl.koers.events.detention.DetentionEnded;
import nl.koers.events.detention.DetentionStarted;
import nl.koers.events.detention.DetentionType;
import nl.koers.events.detention.ReleaseReason;
import nl.koers.events.contact.ContactRecorded;
import nl.koers.events.trajectory.CaseworkerAssigned;
import nl.koers.events.trajectory.ClosureReason;
import nl.koers.events.trajectory.TrajectoryClosed;
import nl.koers.events.trajectory.TrajectoryTransferred;
import nl.koers.platform.crypto.PersonalDataCipher;
import nl.koers.query.casefile.CaseFile;
import nl.koers.query.testing.Feed;
import nl.koers.query.testing.TestCipher;
import nl.koers.query.testing.TestMongo;
import nl.koers.query.testing.TrajectoryStory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static nl.koers.query.testing.TrajectoryStory.WORKER;
import static org.assertj.core.api.Assertions.assertThat;

class TrajectorySummaryProjectionTest {
    private static final String FEIJENOORD = "WK059910";
    private static final String CHARLOIS = "WK059915";
    private static final String ZUIDOOST_A = "WK0363TA";
    private MongoDatabase database;
    private PersonalDataCipher cipher;
    private Feed feed;
    private SummaryQueries queries;

    @BeforeEach
    void setUp() {
        database = TestMongo.freshDatabase();
        cipher = TestCipher.in(database);
        feed = new Feed(new TrajectorySummaryProjection(new ViewGenerations(database)));
        queries = new SummaryQueries(new ViewGenerations(database));
    }

    @Test
    void followsATrajectoryThroughEveryPhaseWithTheVersionOfItsLastEvent() {
        TrajectoryStory story = TrajectoryStory.opened(cipher, FEIJENOORD, LocalDate.of(2026, 1, 5))
                .then(s -> new CaseworkerAssigned(s.id(), "fatima", LocalDate.of(2026, 1, 6), WORKER));
        feed.deliver(story.messages());
        CaseFile opened = file(story);
        assertThat(opened.phase()).isEqualTo("PREVENTION");
        assertThat(opened.caseworker()).isEqualTo("fatima");
        assertThat(opened.gemeente()).isEqualTo("GM0599");
        assertThat(version(story)).isEqualTo(1);

        story.then(s -> new DetentionStarted(s.id(), DetentionType.PRE_TRIAL, "JJI Teylingereind",
                LocalDate.of(2026, 2, 1), WORKER));
        feed.deliver(story.messages().get(2));
        assertThat(file(story).phase()).isEqualTo("DETENTION");

        story.then(s -> new DetentionEnded(s.id(), LocalDate.of(2026, 3, 1), ReleaseReason.SENTENCE_SERVED, WORKER))
                .then(s -> new ContactRecorded(s.id(), "HOME_VISIT", LocalDate.of(2026, 3, 2), null, WORKER));
        feed.deliver(story.messages().subList(3, 5));
        CaseFile aftercare = file(story);
        assertThat(aftercare.phase()).isEqualTo("AFTERCARE");
        assertThat(version(story)).isEqualTo(4);

        story.then(s -> new TrajectoryClosed(s.id(), LocalDate.of(2026, 4, 1), ClosureReason.GOALS_REACHED, WORKER));
        feed.deliver(story.messages().get(5));
        CaseFile closed = file(story);
        assertThat(closed.phase()).isEqualTo("CLOSED");
        assertThat(closed.closedOn()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(closed.followUpUntil()).isEqualTo(LocalDate.of(2028, 4, 1));
        assertThat(closed.closureReason()).isEqualTo("GOALS_REACHED");
        assertThat(version(story)).isEqualTo(5);
    }

    @Test
    void aTransferMovesTheTrajectoryToItsNewNeighbourhoodFocusAreaAndMunicipality() {
        TrajectoryStory story = TrajectoryStory.opened(cipher, FEIJENOORD, LocalDate.of(2026, 1, 5))
                .then(s -> new TrajectoryTransferred(s.id(), new CbsWijkCode(FEIJENOORD), new CbsWijkCode(ZUIDOOST_A),
                        new FocusAreaCode("FA01"), LocalDate.of(2026, 2, 1), WORKER));
        feed.deliver(story.messages());
        CaseFile moved = file(story);
        assertThat(moved.neighbourhood()).isEqualTo(ZUIDOOST_A);
        assertThat(moved.focusArea()).isEqualTo("FA01");
        assertThat(moved.gemeente()).isEqualTo("GM0363");
    }

    @Test
    void aCorrectedOpeningDateShowsInTheSummary() {
        TrajectoryStory story = TrajectoryStory.opened(cipher, FEIJENOORD, LocalDate.of(2026, 1, 5));
        story.then(s -> new EntryCorrected(s.id(), s.eventId(0), LocalDate.of(2026, 1, 8), LocalDate.of(2026, 1, 3),
                null, WORKER));
        feed.deliver(story.messages());
        assertThat(file(story).openedOn()).isEqualTo(LocalDate.of(2026, 1, 3));
    }

    @Test
    void personalFieldsStaySealedInTheView() {
        TrajectoryStory story = TrajectoryStory.opened(cipher, FEIJENOORD, LocalDate.of(2026, 1, 5));
        feed.deliver(story.messages());
        CaseFile summary = file(story);
        assertThat(summary.sealedYouth("givenName")).doesNotContain("Sem");
        assertThat(cipher.open(story.youth(), new nl.koers.events.common.EncryptedValue(summary.sealedYouth("givenName"))))
                .contains("Sem");
    }

    @Test
    void redeliveredEventsChangeNothing() {
        TrajectoryStory story = TrajectoryStory.opened(cipher, FEIJENOORD, LocalDate.of(2026, 1, 5))
                .then(s -> new CaseworkerAssigned(s.id(), "fatima", LocalDate.of(2026, 1, 6), WORKER))
                .then(s -> new CaseworkerAssigned(s.id(), "joost", LocalDate.of(2026, 1, 7), WORKER));
        feed.deliver(story.messages());
        // an older event delivered again after a newer one (a token steal) must not undo the newer one
        feed.deliver(story.messages().get(1)).deliver(story.messages().get(0));
        assertThat(file(story).caseworker()).isEqualTo("joost");
        assertThat(version(story)).isEqualTo(2);
    }

    @Test
    void listsFilterByEachFieldPageNewestFirstAndCountTheTotal() {
        TrajectoryStory a = TrajectoryStory.opened(cipher, FEIJENOORD, LocalDate.of(2026, 1, 5))
                .then(s -> new CaseworkerAssigned(s.id(), "fatima", LocalDate.of(2026, 1, 6), WORKER));
        TrajectoryStory b = TrajectoryStory.opened(cipher, CHARLOIS, LocalDate.of(2026, 2, 5))
                .then(s -> new DetentionStarted(s.id(), DetentionType.PIJ, "JJI Den Hey-Acker",
                        LocalDate.of(2026, 2, 10), WORKER));
        TrajectoryStory c = TrajectoryStory.opened(cipher, ZUIDOOST_A, LocalDate.of(2026, 3, 5));
        feed.deliver(a.messages()).deliver(b.messages()).deliver(c.messages());

        assertThat(ids(filter(null, null, null, null, null), 0, 10)).containsExactly(c.id().value(), b.id().value(),
                a.id().value());
        assertThat(ids(filter(null, "FA03", null, null, null), 0, 10)).containsExactly(b.id().value(), a.id().value());
        assertThat(ids(filter(CHARLOIS, null, null, null, null), 0, 10)).containsExactly(b.id().value());
        assertThat(ids(filter(null, null, "GM0363", null, null), 0, 10)).containsExactly(c.id().value());
        assertThat(ids(filter(null, null, null, "DETENTION", null), 0, 10)).containsExactly(b.id().value());
        assertThat(ids(filter(null, null, null, null, "fatima"), 0, 10)).containsExactly(a.id().value());
        assertThat(ids(filter(null, "FA03", null, "PREVENTION", null), 0, 10)).containsExactly(a.id().value());

        SummaryQueries.Page second = queries.list(filter(null, null, null, null, null), 1, 2);
        assertThat(second.items()).extracting(doc -> doc.getString("_id")).containsExactly(a.id().value());
        assertThat(second.total()).isEqualTo(3);

        SummaryQueries.ListFilter ownAreas = new SummaryQueries.ListFilter(null, null, null, null, null,
                Optional.of(Set.of("FA01", "FA02")));
        assertThat(ids(ownAreas, 0, 10)).containsExactly(c.id().value());
    }

    private static SummaryQueries.ListFilter filter(String wijk, String area, String gemeente, String phase,
                                                    String caseworker) {
        return new SummaryQueries.ListFilter(wijk, area, gemeente, phase, caseworker, Optional.empty());
    }

    private java.util.List<String> ids(SummaryQueries.ListFilter filter, int page, int size) {
        return queries.list(filter, page, size).items().stream().map(doc -> doc.getString("_id")).toList();
    }

    private CaseFile file(TrajectoryStory story) {
        return CaseFile.from(queries.find(story.id().value(), null).orElseThrow().document());
    }

    private long version(TrajectoryStory story) {
        return queries.find(story.id().value(), null).orElseThrow().version();
    }
}
