package nl.koers.query.testing;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;

import java.util.Collection;

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

    public Feed reset() {
        adapter.prepareReset();
        return this;
    }
}
