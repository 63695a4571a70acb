package nl.koers.query.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
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
import java.util.List;
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
