package nl.koers.query.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import nl.koers.platform.mongo.EmbeddedMongo;
import nl.koers.platform.testing.RecordedFinds;
import nl.koers.query.casefile.CaseFile;
import nl.koers.events.contact.ContactRecorded;
import nl.koers.query.summary.TrajectorySummaryProjection;
import nl.koers.query.testing.TestCipher;
import nl.koers.query.testing.TestMongo;
import nl.koers.query.testing.TrajectoryStory;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static nl.koers.query.testing.TrajectoryStory.WORKER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pooled streaming processor stores its token in the first prepare-commit step of a batch. The view must be
 * stored by then, or a crash right after would leave the token ahead of the view and the batch lost for it.
 */
class ViewBatchTest {
    private final MongoDatabase database = TestMongo.freshDatabase();
    private final MongoCollection<Document> summaries = database.getCollection("view_trajectory_summary");

    private TrajectoryStory story() {
        return TrajectoryStory.opened(TestCipher.in(database), "WK059910", LocalDate.of(2026, 1, 5))
                .then(s -> new ContactRecorded(s.id(), "TALK", LocalDate.of(2026, 1, 6), null, WORKER))
                .then(s -> new ContactRecorded(s.id(), "TALK", LocalDate.of(2026, 1, 7), null, WORKER));
    }

    /** Runs a batch as the processor does; answers what the view held when the token would have been stored. */
    private Document viewWhenTokenIsStored(TrajectoryStory story, List<MessageHandlerInterceptor<EventMessage<?>>>
            interceptors) throws Exception {
        AnnotationEventHandlerAdapter projection = new AnnotationEventHandlerAdapter(
                new TrajectorySummaryProjection(new ViewGenerations(database)));
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(
                List.<EventMessage<?>>copyOf(story.messages()));
        AtomicReference<Document> atTokenStore = new AtomicReference<>();
        unitOfWork.onPrepareCommit(u -> atTokenStore.set(
                summaries.find(Filters.eq("_id", story.id().value())).first()));
        unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork, interceptors,
                message -> projection.handle(message)).proceed());
        return atTokenStore.get();
    }

    @Test
    void aBatchReadsTheStoredDocumentsOfAllItsTrajectoriesInOneQuery() {
        try (EmbeddedMongo server = EmbeddedMongo.inMemory(); RecordedFinds client = new RecordedFinds(server)) {
            MongoDatabase db = client.database("read_ahead");
            AnnotationEventHandlerAdapter projection = new AnnotationEventHandlerAdapter(
                    new TrajectorySummaryProjection(new ViewGenerations(db)));
            TrajectoryStory first = story();
            TrajectoryStory second = story();
            handleInOneBatch(projection, interleaved(first.messages(), second.messages()));

            int before = first.messages().size();
            first.then(s -> new ContactRecorded(s.id(), "TALK", LocalDate.of(2026, 1, 8), null, WORKER));
            second.then(s -> new ContactRecorded(s.id(), "TALK", LocalDate.of(2026, 1, 8), null, WORKER));
            TrajectoryStory third = story();
            client.clear();
            handleInOneBatch(projection, interleaved(first.messages().subList(before, before + 1),
                    second.messages().subList(before, before + 1), third.messages()));

            assertThat(client.filters()).as("finds in the second batch").hasSize(1);
            MongoCollection<Document> stored = db.getCollection("view_trajectory_summary");
            Map<String, Long> versions = Map.of(first.id().value(), 3L, second.id().value(), 3L,
                    third.id().value(), 2L);
            versions.forEach((id, version) -> assertThat(stored.find(Filters.eq("_id", id)).first())
                    .as(id).isNotNull().extracting(d -> d.get("version")).isEqualTo(version));
            assertThat(CaseFile.from(stored.find(Filters.eq("_id", first.id().value())).first()).workFacts()
                    .lastContact()).as("built on the stored document").isEqualTo(LocalDate.of(2026, 1, 8));
        }
    }

    /** The stories' events in turns: the first of each, then the second of each, … */
    @SafeVarargs
    private static List<EventMessage<?>> interleaved(List<? extends EventMessage<?>>... stories) {
        int longest = Arrays.stream(stories).mapToInt(List::size).max().orElse(0);
        List<EventMessage<?>> all = new ArrayList<>();
        for (int i = 0; i < longest; i++) {
            for (List<? extends EventMessage<?>> story : stories) {
                if (i < story.size()) {
                    all.add(story.get(i));
                }
            }
        }
        return all;
    }

    private static void handleInOneBatch(AnnotationEventHandlerAdapter projection, List<EventMessage<?>> events) {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(events);
        unitOfWork.executeWithResult(() -> projection.handle(unitOfWork.getMessage()));
    }

    @Test
    void theViewIsStoredBeforeTheProcessorStoresItsToken() throws Exception {
        TrajectoryStory story = story();
        Document view = viewWhenTokenIsStored(story, List.of(ViewBatch.flushAtLastEvent()));
        assertThat(view).isNotNull();
        assertThat(view.get("version")).isEqualTo(2L);
    }

    @Test
    void withoutTheInterceptorTheViewWouldStillBePendingThen() throws Exception {
        TrajectoryStory story = story();
        assertThat(viewWhenTokenIsStored(story, List.of())).isNull();
        // the batch's own prepare-commit step still stores it
        assertThat(summaries.find(Filters.eq("_id", story.id().value())).first().get("version")).isEqualTo(2L);
    }
}
