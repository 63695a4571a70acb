package nl.koers.app.audit;

import nl.koers.query.common.ViewGenerations;
import com.mongodb.client.MongoDatabase;
import nl.koers.events.common.EncryptedValue;
import nl.koers.events.common.YouthId;
import nl.koers.events.privacy.YouthPersonalDataErased;
import nl.koers.platform.accesslog.AccessLog;
import nl.koers.platform.crypto.PersonalDataCipher;
import nl.koers.platform.crypto.YouthKeyStore;
import nl.koers.platform.security.KoersUser;
import nl.koers.query.audit.AuditRecord;
import nl.koers.query.caseload.CaseloadProjection;
import nl.koers.query.caseload.CaseloadQueries;
import nl.koers.query.caseload.CaseloadReader;
import nl.koers.query.caseload.CaseloadScope;
import nl.koers.query.caseload.CaseloadView;
import nl.koers.query.common.AggregateReadPolicy;
import nl.koers.query.common.IndividualReadPolicy;
import nl.koers.query.common.PersonalFields;
import nl.koers.query.history.HistoryProjection;
import nl.koers.query.history.HistoryQueries;
import nl.koers.query.history.HistoryReader;
import nl.koers.query.outcome.OutcomeProjection;
import nl.koers.query.outcome.OutcomeQueries;
import nl.koers.query.outcome.OutcomeReader;
import nl.koers.query.outcome.OutcomeView;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;

import javax.crypto.SecretKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One view rebuilt offline: the live projection classes on an empty database, fed the replayed events, and the
 * live reader that answers from them, with the clock at the replay instant. Nothing here decides what a view holds
 * or how it is shown: that stays in the query side's own code. The caseload and the outcomes count trajectories per
 * scope, each entry derived from one trajectory alone, so they can be built one slice of trajectories at a time
 * ({@link ExportEvents#replayInSlices}) and their scope documents added up: a large export then fits the heap.
 */
final class ReplayedView {
    /** Why the replayed history is read, as a justice liaison states it on a live read. */
    private static final String PURPOSE = "offline audit replay";

    private final List<AnnotationEventHandlerAdapter> projections;
    /** Keeps what a slice built before the projections are emptied for the next; null: the view is not sliced. */
    private final Runnable keepSlice;
    private final Predicate<AuditRecord> wanted;
    private final Supplier<Object> answer;
    private final Set<String> erasedYouths;

    private ReplayedView(List<Object> projections, Runnable keepSlice, Predicate<AuditRecord> wanted,
                         Supplier<Object> answer, Set<String> erasedYouths) {
        this.projections = projections.stream().map(AnnotationEventHandlerAdapter::new).toList();
        this.keepSlice = keepSlice;
        this.wanted = wanted;
        this.answer = answer;
        this.erasedYouths = erasedYouths;
    }

    /**
     * The caseload is built one slice of trajectories at a time in {@code work}; after each slice its wijk
     * documents are added to those in {@code answered}, from which the reader answers.
     */
    static ReplayedView caseload(MongoDatabase work, MongoDatabase answered, Clock clock, CaseloadScope scope,
                                 KoersUser reader) {
        ViewGenerations building = new ViewGenerations(work);
        ViewGenerations kept = new ViewGenerations(answered);
        CaseloadQueries queries = new CaseloadQueries(kept, clock);
        QueryUpdateEmitter emitter = SimpleQueryUpdateEmitter.builder().build();
        CaseloadReader caseload = new CaseloadReader(queries, new AggregateReadPolicy(), DefaultQueryGateway
                .builder().queryBus(SimpleQueryBus.builder().queryUpdateEmitter(emitter).build()).build());
        return new ReplayedView(List.of(new CaseloadProjection(building, new CaseloadQueries(building, clock),
                emitter)), () -> CaseloadView.mergeScopes(building, kept), r -> true,
                () -> caseload.caseload(reader, scope), new HashSet<>());
    }

    /** As the caseload: built per slice in {@code work}, the focus area and cohort documents kept in {@code answered}. */
    static ReplayedView outcomes(MongoDatabase work, MongoDatabase answered, Clock clock, String focusArea,
                                 Integer cohort, KoersUser reader) {
        ViewGenerations building = new ViewGenerations(work);
        ViewGenerations kept = new ViewGenerations(answered);
        OutcomeReader outcomes = new OutcomeReader(new OutcomeQueries(kept, clock), new AggregateReadPolicy(), clock);
        return new ReplayedView(List.of(new OutcomeProjection(building)), () -> OutcomeView.mergeScopes(building, kept),
                r -> true, () -> outcomes.outcomes(reader, focusArea, cohort), new HashSet<>());
    }

    /** Only the one trajectory's events (and erasures) are replayed, in one slice: a history is one document. */
    static ReplayedView history(MongoDatabase db, String trajectoryId, KoersUser reader) {
        Set<String> erased = new HashSet<>();
        ViewGenerations generations = new ViewGenerations(db);
        // reads during a replay are logged into the replay's own in-memory database, which is thrown away
        HistoryReader history = new HistoryReader(new HistoryQueries(generations),
                new IndividualReadPolicy(new AccessLog(db, Clock.systemUTC())),
                new PersonalFields(new SealedOffline(erased)));
        Predicate<AuditRecord> wanted = r -> trajectoryId.equals(r.aggregateId())
                || YouthPersonalDataErased.class.getName().equals(r.type());
        return new ReplayedView(List.of(new HistoryProjection(generations)), null, wanted,
                () -> history.history(reader, trajectoryId, null, null, PURPOSE), erased);
    }

    /** Whether the view can be built slice by slice of trajectories. */
    boolean sliceable() {
        return keepSlice != null;
    }

    /**
     * A slice is complete: what it built is kept, and the projections are emptied by their own reset handlers
     * (as a rebuild starts) so the next slice's states do not share the heap with this one's.
     */
    void sliceDone(int slice) {
        if (keepSlice == null) {
            return;
        }
        keepSlice.run();
        projections.forEach(projection -> projection.prepareReset());
    }

    Predicate<AuditRecord> wanted() {
        return wanted;
    }

    /**
     * Hands a batch of events to every projection that handles them, in one unit of work as a live processor's
     * batch: each view document the batch changes is written once, when the batch ends.
     */
    void handle(List<? extends EventMessage<?>> events) {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(events));
        unitOfWork.executeWithResult(() -> {
            EventMessage<?> event = unitOfWork.getMessage();
            if (event.getPayload() instanceof YouthPersonalDataErased erasure) {
                erasedYouths.add(erasure.youthId().value());
            }
            for (AnnotationEventHandlerAdapter projection : projections) {
                if (projection.canHandle(event)) {
                    projection.handle(event);
                }
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE).optionalExceptionResult().ifPresent(ReplayedView::rethrow);
    }

    Object answer() {
        return answer.get();
    }

    private static void rethrow(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new IllegalStateException(failure);
    }

    /**
     * Offline there are no youth keys (they never leave the live system): a sealed value stays sealed, and a youth
     * whose erasure was replayed reads as erased, as the live system answered after the erasure.
     */
    static final class SealedOffline extends PersonalDataCipher {
        private final Set<String> erased;

        SealedOffline(Set<String> erased) {
            super(new NoKeys());
            this.erased = erased;
        }

        @Override
        public Optional<String> open(YouthId youth, EncryptedValue value) {
            return value == null || erased.contains(youth.value()) ? Optional.empty() : Optional.of(value.ciphertext());
        }

        @Override
        public boolean erased(YouthId youth) {
            return erased.contains(youth.value());
        }
    }

    private static final class NoKeys implements YouthKeyStore {
        @Override
        public SecretKey keyFor(YouthId youth) {
            throw new IllegalStateException("offline replay never seals");
        }

        @Override
        public Optional<SecretKey> existingKey(YouthId youth) {
            return Optional.empty();
        }

        @Override
        public boolean destroy(YouthId youth) {
            return false;
        }
    }
}
