package nl.koers.query.caseload;

import nl.koers.query.common.ViewGenerations;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import nl.koers.query.common.ScopeEntries;
import com.mongodb.client.MongoDatabase;
import nl.koers.events.common.CbsWijkCode;
import nl.koers.events.common.FocusAreaCode;
import nl.koers.events.contact.ContactRecorded;
import nl.koers.events.correction.EntryCorrected;
import nl.koers.events.correction.EntryRetracted;
import nl.koers.events.detention.DetentionEnded;
import nl.koers.events.detention.DetentionStarted;
import nl.koers.events.detention.DetentionType;
import nl.koers.events.detention.NetworkMeetingHeld;
import nl.koers.events.detention.ReleaseReason;
import nl.koers.events.trajectory.CaseworkerAssigned;
import nl.koers.events.trajectory.ClosureReason;
import nl.koers.events.trajectory.TrajectoryClosed;
import nl.koers.events.trajectory.TrajectoryTransferred;
import nl.koers.platform.crypto.PersonalDataCipher;
import nl.koers.query.testing.Feed;
import nl.koers.query.testing.TestCipher;
import nl.koers.query.testing.TestMongo;
import nl.koers.query.testing.TrajectoryStory;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static nl.koers.query.testing.TrajectoryStory.WORKER;
import static org.assertj.core.api.Assertions.assertThat;

class CaseloadProjectionTest {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final String FEIJENOORD = "WK059910";
    static final String CHARLOIS = "WK059915";
    static final String ROTTERDAM_CENTRUM = "WK059901";
    private PersonalDataCipher cipher;
    private Feed feed;
    private CaseloadQueries queries;
    private MongoDatabase database;

    @BeforeEach
    void setUp() {
        database = TestMongo.freshDatabase();
        cipher = TestCipher.in(database);
        queries = new CaseloadQueries(new ViewGenerations(database), Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC),
                ZoneOffset.UTC));
        feed = new Feed(new CaseloadProjection(new ViewGenerations(database), queries, SimpleQueryUpdateEmitter.builder().build()));
    }

    private TrajectoryStory opened(String wijk, LocalDate on) {
        return TrajectoryStory.opened(cipher, wijk, on);
    }

    @Test
    void countsActiveTrajectoriesPerPhaseInWijkFocusAreaAndMunicipality() {
        feed.deliver(opened(FEIJENOORD, TODAY.minusDays(100)).messages());
        feed.deliver(opened(FEIJENOORD, TODAY.minusDays(90))
                .then(s -> new DetentionStarted(s.id(), DetentionType.PRE_TRIAL, "JJI", TODAY.minusDays(3), WORKER))
                .messages());
        feed.deliver(opened(CHARLOIS, TODAY.minusDays(80))
                .then(s -> new DetentionStarted(s.id(), DetentionType.PRE_TRIAL, "JJI", TODAY.minusDays(60), WORKER))
                .then(s -> new DetentionEnded(s.id(), TODAY.minusDays(20), ReleaseReason.SUSPENDED, WORKER))
                .messages());
        feed.deliver(opened(CHARLOIS, TODAY.minusDays(70))
                .then(s -> new TrajectoryClosed(s.id(), TODAY.minusDays(40), ClosureReason.MOVED, WORKER)).messages());
        feed.deliver(opened(ROTTERDAM_CENTRUM, TODAY.minusDays(60)).messages());

        Caseload area = queries.caseload(CaseloadScope.focusArea("FA03"));
        assertThat(area.active()).isEqualTo(Map.of("PREVENTION", 1L, "DETENTION", 1L, "AFTERCARE", 1L));
        assertThat(area.byNeighbourhood()).extracting(Caseload.Neighbourhood::neighbourhood)
                .containsExactly("WK059910", "WK059912", "WK059915");
        assertThat(area.byNeighbourhood().get(0).active()).containsEntry("PREVENTION", 1L).containsEntry("DETENTION", 1L);
        assertThat(area.byNeighbourhood().get(0).name()).isEqualTo("Feijenoord");
        assertThat(area.byNeighbourhood().get(1).active().values()).containsOnly(0L);
        assertThat(area.byNeighbourhood().get(2).active()).containsEntry("AFTERCARE", 1L);

        Caseload rotterdam = queries.caseload(CaseloadScope.gemeente("GM0599"));
        assertThat(rotterdam.active()).containsEntry("PREVENTION", 2L);
        assertThat(rotterdam.byNeighbourhood()).hasSize(21);

        Caseload wijk = queries.caseload(CaseloadScope.neighbourhood(CHARLOIS));
        assertThat(wijk.active()).isEqualTo(Map.of("PREVENTION", 0L, "DETENTION", 0L, "AFTERCARE", 1L));
        assertThat(wijk.byNeighbourhood()).hasSize(1);
    }

    @Test
    void openedAndClosedInTheLast30DaysByBusinessDateWithTodayIncluded() {
        feed.deliver(opened(FEIJENOORD, TODAY).messages());
        feed.deliver(opened(FEIJENOORD, TODAY.minusDays(29)).messages());
        feed.deliver(opened(FEIJENOORD, TODAY.minusDays(30)).messages());
        feed.deliver(opened(FEIJENOORD, TODAY.minusDays(200))
                .then(s -> new TrajectoryClosed(s.id(), TODAY.minusDays(29), ClosureReason.GOALS_REACHED, WORKER))
                .messages());
        feed.deliver(opened(FEIJENOORD, TODAY.minusDays(200))
                .then(s -> new TrajectoryClosed(s.id(), TODAY.minusDays(30), ClosureReason.GOALS_REACHED, WORKER))
                .messages());

        Caseload caseload = queries.caseload(CaseloadScope.focusArea("FA03"));
        assertThat(caseload.openedLast30Days()).isEqualTo(2);
        assertThat(caseload.closedLast30Days()).isEqualTo(1);
        assertThat(caseload.asOf()).isEqualTo(TODAY);
    }

    @Test
    void aNetworkMeetingIsOverdueWhenADetentionStartedMoreThanSevenDaysAgoWithoutOne() {
        feed.deliver(opened(FEIJENOORD, TODAY.minusDays(100))
                .then(s -> new DetentionStarted(s.id(), DetentionType.PIJ, "JJI", TODAY.minusDays(8), WORKER))
                .messages());
        feed.deliver(opened(FEIJENOORD, TODAY.minusDays(100))
                .then(s -> new DetentionStarted(s.id(), DetentionType.PIJ, "JJI", TODAY.minusDays(7), WORKER))
                .messages());
        feed.deliver(opened(FEIJENOORD, TODAY.minusDays(100))
                .then(s -> new DetentionStarted(s.id(), DetentionType.PIJ, "JJI", TODAY.minusDays(20), WORKER))
                .then(s -> new NetworkMeetingHeld(s.id(), TODAY.minusDays(15), WORKER))
                .messages());
        feed.deliver(opened(FEIJENOORD, TODAY.minusDays(100))
                .then(s -> new DetentionStarted(s.id(), DetentionType.PIJ, "JJI", TODAY.minusDays(20), WORKER))
                .then(s -> new DetentionEnded(s.id(), TODAY.minusDays(10), ReleaseReason.OTHER, WORKER))
                .messages());

        assertThat(queries.caseload(CaseloadScope.focusArea("FA03")).overdueNetworkMeetings()).isEqualTo(1);
        assertThat(queries.caseload(CaseloadScope.neighbourhood(FEIJENOORD)).byNeighbourhood().get(0)
                .overdueNetworkMeetings()).isEqualTo(1);
    }

    @Test
    void youthsWithoutAContactForThirtyDaysCountFromTheirLastContactOrTheOpening() {
        feed.deliver(opened(FEIJENOORD, TODAY.minusDays(31)).messages());
        feed.deliver(opened(FEIJENOORD, TODAY.minusDays(30)).messages());
        feed.deliver(opened(FEIJENOORD, TODAY.minusDays(90))
                .then(s -> new ContactRecorded(s.id(), "TALK", TODAY.minusDays(5), null, WORKER)).messages());
        TrajectoryStory retracted = opened(FEIJENOORD, TODAY.minusDays(90))
                .then(s -> new ContactRecorded(s.id(), "TALK", TODAY.minusDays(5), null, WORKER))
                .then(s -> new EntryRetracted(s.id(), s.eventId(1), TODAY.minusDays(1), null, WORKER));
        feed.deliver(retracted.messages());
        feed.deliver(opened(FEIJENOORD, TODAY.minusDays(200))
                .then(s -> new TrajectoryClosed(s.id(), TODAY.minusDays(100), ClosureReason.MOVED, WORKER)).messages());

        assertThat(queries.caseload(CaseloadScope.focusArea("FA03")).withoutContact30Days()).isEqualTo(2);
    }

    @Test
    void perCaseworkerCountsActiveTrajectoriesAndFollowsReassignment() {
        feed.deliver(opened(FEIJENOORD, TODAY.minusDays(10))
                .then(s -> new CaseworkerAssigned(s.id(), "fatima.el-amrani", TODAY.minusDays(9), WORKER))
                .then(s -> new CaseworkerAssigned(s.id(), "joost", TODAY.minusDays(2), WORKER)).messages());
        feed.deliver(opened(FEIJENOORD, TODAY.minusDays(10))
                .then(s -> new CaseworkerAssigned(s.id(), "fatima.el-amrani", TODAY.minusDays(9), WORKER)).messages());
        feed.deliver(opened(FEIJENOORD, TODAY.minusDays(10)).messages());

        Caseload caseload = queries.caseload(CaseloadScope.focusArea("FA03"));
        assertThat(caseload.byCaseworker()).extracting(Caseload.Caseworker::caseworker)
                .containsExactly("fatima.el-amrani", "joost", null);
        assertThat(caseload.byCaseworker()).allSatisfy(c -> assertThat(c.active()).containsEntry("PREVENTION", 1L));
    }

    @Test
    void aTransferMovesEveryCountToTheNewPlaceAndACorrectedDateMovesTheWindow() {
        TrajectoryStory story = opened(FEIJENOORD, TODAY.minusDays(40))
                .then(s -> new TrajectoryTransferred(s.id(), new CbsWijkCode(FEIJENOORD), new CbsWijkCode("WK0363TA"),
                        new FocusAreaCode("FA01"), TODAY.minusDays(3), WORKER))
                .then(s -> new EntryCorrected(s.id(), s.eventId(0), TODAY.minusDays(2), TODAY.minusDays(20), null,
                        WORKER));
        feed.deliver(story.messages());

        Caseload rotterdamZuid = queries.caseload(CaseloadScope.focusArea("FA03"));
        assertThat(rotterdamZuid.active().values()).containsOnly(0L);
        assertThat(rotterdamZuid.openedLast30Days()).isZero();
        Caseload zuidoost = queries.caseload(CaseloadScope.focusArea("FA01"));
        assertThat(zuidoost.active()).containsEntry("PREVENTION", 1L);
        assertThat(zuidoost.openedLast30Days()).isEqualTo(1);
        assertThat(queries.caseload(CaseloadScope.gemeente("GM0363")).active()).containsEntry("PREVENTION", 1L);
        assertThat(queries.caseload(CaseloadScope.gemeente("GM0599")).active()).containsEntry("PREVENTION", 0L);
    }

    @Test
    void deliveringEveryEventTwiceCountsEachOnce() {
        TrajectoryStory story = opened(FEIJENOORD, TODAY.minusDays(10))
                .then(s -> new DetentionStarted(s.id(), DetentionType.PIJ, "JJI", TODAY.minusDays(9), WORKER))
                .then(s -> new DetentionEnded(s.id(), TODAY.minusDays(2), ReleaseReason.OTHER, WORKER))
                .then(s -> new TrajectoryClosed(s.id(), TODAY.minusDays(1), ClosureReason.OTHER, WORKER));
        story.messages().forEach(m -> feed.deliver(m).deliver(m));
        Caseload caseload = queries.caseload(CaseloadScope.focusArea("FA03"));
        assertThat(caseload.active().values()).containsOnly(0L);
        assertThat(caseload.openedLast30Days()).isEqualTo(1);
        assertThat(caseload.closedLast30Days()).isEqualTo(1);
    }

    /**
     * A read keeps what it parsed of a wijk document only while the document's revision stays the same: every change
     * shows in the next read, a change this replica's projection made and one another replica's made alike.
     */
    @Test
    void theNextReadShowsEveryChangeOfItsWijkenAlsoOneMadeByAnotherReplica() {
        feed.deliverInBatches(opened(FEIJENOORD, TODAY.minusDays(100)).messages(), 10);
        assertThat(queries.caseload(CaseloadScope.focusArea("FA03")).active()).containsEntry("PREVENTION", 1L);
        assertThat(queries.caseload(CaseloadScope.focusArea("FA03")).active()).containsEntry("PREVENTION", 1L);

        feed.deliverInBatches(opened(FEIJENOORD, TODAY.minusDays(90))
                .then(s -> new DetentionStarted(s.id(), DetentionType.PRE_TRIAL, "JJI", TODAY.minusDays(3), WORKER))
                .messages(), 10);
        assertThat(queries.caseload(CaseloadScope.focusArea("FA03")).active())
                .containsEntry("PREVENTION", 1L).containsEntry("DETENTION", 1L);

        CaseloadQueries otherQueries = new CaseloadQueries(new ViewGenerations(database), Clock.systemUTC());
        Feed otherReplica = new Feed(new CaseloadProjection(new ViewGenerations(database), otherQueries,
                SimpleQueryUpdateEmitter.builder().build()));
        otherReplica.deliverInBatches(opened(FEIJENOORD, TODAY.minusDays(80)).messages(), 10);
        Caseload caseload = queries.caseload(CaseloadScope.focusArea("FA03"));
        assertThat(caseload.active()).containsEntry("PREVENTION", 2L).containsEntry("DETENTION", 1L);
        assertThat(queries.caseload(CaseloadScope.neighbourhood(FEIJENOORD)).active()).isEqualTo(caseload.active());
        assertThat(queries.cases(java.util.List.of("FA03"))).hasSize(3);
    }

    /** A wijk document written before documents carried a revision is read whole every time. */
    @Test
    void aWijkDocumentWithoutARevisionIsReadWholeEveryTime() {
        TrajectoryStory story = opened(FEIJENOORD, TODAY.minusDays(100));
        feed.deliver(story.messages());
        assertThat(queries.caseload(CaseloadScope.focusArea("FA03")).active()).containsEntry("PREVENTION", 1L);

        var wijken = database.getCollection(CaseloadView.COUNTERS);
        String wijk = CaseloadScope.neighbourhood(FEIJENOORD).counterId();
        wijken.updateOne(Filters.eq("_id", wijk), Updates.combine(Updates.unset(ScopeEntries.REVISION),
                Updates.set(ScopeEntries.TRAJECTORIES + "." + story.id().value() + ".phase", "DETENTION")));
        assertThat(queries.caseload(CaseloadScope.focusArea("FA03")).active())
                .containsEntry("PREVENTION", 0L).containsEntry("DETENTION", 1L);
    }
}
