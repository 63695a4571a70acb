package nl.koers.query;

import nl.koers.query.common.ViewGenerations;
import com.mongodb.client.MongoDatabase;
import nl.koers.platform.crypto.PersonalDataCipher;
import nl.koers.query.caseload.CaseloadProjection;
import nl.koers.query.caseload.CaseloadQueries;
import nl.koers.query.history.HistoryProjection;
import nl.koers.query.outcome.OutcomeProjection;
import nl.koers.query.summary.TrajectorySummaryProjection;
import nl.koers.query.testing.Feed;
import nl.koers.query.testing.Scenario;
import nl.koers.query.testing.TestCipher;
import nl.koers.query.testing.TestMongo;
import nl.koers.query.testing.TrajectoryStory;
import nl.koers.query.testing.ViewSnapshot;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every view built from events delivered twice each (as after a redelivery, a token steal, or a crash between the
 * view write and the token update) equals the view built from each event once.
 */
class RedeliveryTest {

    @Test
    void deliveringEveryEventTwiceBuildsTheSameViewsAsDeliveringItOnce() {
        PersonalDataCipher cipher = TestCipher.in(TestMongo.freshDatabase());
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (TrajectoryStory story : Scenario.trajectories(cipher, 60, 42)) {
            events.addAll(story.messages());
        }
        assertThat(events).hasSizeGreaterThan(1000);

        MongoDatabase once = TestMongo.freshDatabase();
        List<Feed> onceFeeds = projections(once);
        events.forEach(event -> onceFeeds.forEach(feed -> feed.deliver(event)));

        // twice, in batches as a processor handles them: a batch must see its own earlier writes
        MongoDatabase twice = TestMongo.freshDatabase();
        List<DomainEventMessage<?>> doubled = new ArrayList<>();
        events.forEach(event -> {
            doubled.add(event);
            doubled.add(event);
        });
        projections(twice).forEach(feed -> feed.deliverInBatches(doubled, 50));

        Map<String, Map<Object, Document>> expected = ViewSnapshot.of(once);
        assertThat(expected.get("view_trajectory_summary")).hasSize(60);
        assertThat(expected.get("view_caseload")).isNotEmpty();
        assertThat(expected.get("view_outcomes")).isNotEmpty();
        assertThat(ViewSnapshot.of(twice)).isEqualTo(expected);
    }

    @Test
    void aBatchDeliveredAgainAfterLaterEventsChangesNothing() {
        PersonalDataCipher cipher = TestCipher.in(TestMongo.freshDatabase());
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (TrajectoryStory story : Scenario.trajectories(cipher, 12, 7)) {
            events.addAll(story.messages());
        }
        MongoDatabase once = TestMongo.freshDatabase();
        List<Feed> onceFeeds = projections(once);
        events.forEach(event -> onceFeeds.forEach(feed -> feed.deliver(event)));

        // a processor that crashed before storing its token starts again from an older position
        MongoDatabase replayed = TestMongo.freshDatabase();
        for (Feed feed : projections(replayed)) {
            feed.deliverInBatches(events, 37).deliverInBatches(events.subList(events.size() / 3, events.size()), 37);
        }

        assertThat(ViewSnapshot.of(replayed)).isEqualTo(ViewSnapshot.of(once));
    }

    @Test
    void aCrashAfterTheCountersWereWrittenButBeforeTheStateWasIsRepairedByRedelivery() {
        PersonalDataCipher cipher = TestCipher.in(TestMongo.freshDatabase());
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (TrajectoryStory story : Scenario.trajectories(cipher, 24, 11)) {
            events.addAll(story.messages());
        }
        MongoDatabase once = TestMongo.freshDatabase();
        List<Feed> onceFeeds = projections(once);
        events.forEach(event -> onceFeeds.forEach(feed -> feed.deliver(event)));

        MongoDatabase crashed = TestMongo.freshDatabase();
        List<Feed> feeds = projections(crashed);
        List<String> states = List.of("view_caseload_trajectory", "view_outcome_trajectory");
        for (DomainEventMessage<?> event : events) {
            Map<String, Document> before = new java.util.HashMap<>();
            states.forEach(c -> before.put(c, crashed.getCollection(c)
                    .find(com.mongodb.client.model.Filters.eq("_id", event.getAggregateIdentifier())).first()));
            feeds.forEach(feed -> feed.deliver(event));
            // the state write is lost (the counters were written), then the event comes again
            before.forEach((collection, state) -> {
                var filter = com.mongodb.client.model.Filters.eq("_id", event.getAggregateIdentifier());
                if (state == null) {
                    crashed.getCollection(collection).deleteOne(filter);
                } else {
                    crashed.getCollection(collection).replaceOne(filter, state);
                }
            });
            feeds.forEach(feed -> feed.deliver(event));
        }
        assertThat(ViewSnapshot.of(crashed)).isEqualTo(ViewSnapshot.of(once));
    }

    static List<Feed> projections(MongoDatabase database) {
        CaseloadQueries caseload = new CaseloadQueries(new ViewGenerations(database), Clock.systemUTC());
        return List.of(new Feed(new TrajectorySummaryProjection(new ViewGenerations(database))), new Feed(new HistoryProjection(new ViewGenerations(database))),
                new Feed(new CaseloadProjection(new ViewGenerations(database), caseload, SimpleQueryUpdateEmitter.builder().build())),
                new Feed(new OutcomeProjection(new ViewGenerations(database))));
    }
}
