package nl.koers.query.testing;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Collection;
import java.util.List;

/**
 * Delivers events to a projection object the way a processor does (Axon's annotation adapter picks the handler
 * and resolves sequence number, event id and timestamp), without a processor around it.
 */
public final class Feed {
    private final AnnotationEventHandlerAdapter adapter;

    public Feed(Object projection) {
        this.adapter = new AnnotationEventHandlerAdapter(projection);
    }

    public Feed deliver(Collection<? extends EventMessage<?>> events) {
        for (EventMessage<?> event : events) {
            deliver(event);
        }
        return this;
    }

    public Feed deliver(EventMessage<?> event) {
        try {
            adapter.handle(event);
        } catch (Exception e) {
            throw new IllegalStateException("handler failed on " + event.getPayloadType().getSimpleName(), e);
        }
        return this;
    }

    /**
     * Delivers events in batches of {@code size}, each in one unit of work as a pooled streaming processor does,
     * so the views' writes go out when a batch commits.
     */
    public Feed deliverInBatches(List<? extends EventMessage<?>> events, int size) {
        for (int from = 0; from < events.size(); from += size) {
            List<? extends EventMessage<?>> batch = events.subList(from, Math.min(events.size(), from + size));
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(batch.get(0));
            try {
                for (EventMessage<?> event : batch) {
                    adapter.handle(event);
                }
            } catch (Exception e) {
                unitOfWork.rollback(e);
                throw new IllegalStateException("handler failed", e);
            }
            unitOfWork.commit();
        }
        return this;
    }

    public Feed reset() {
        adapter.prepareReset();
        return this;
    }
}
