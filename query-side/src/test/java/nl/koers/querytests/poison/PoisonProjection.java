package nl.koers.querytests.poison;

import nl.koers.events.contact.ContactRecorded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A projection with a bug: it cannot handle contacts of kind {@code POISON} until {@link #fix()} is called, and it
 * waits at a contact of kind {@code GATE} until {@link #open()}. Outside the scanned packages on purpose: only
 * the tests that import it have it.
 */
@ProcessingGroup(PoisonProjection.GROUP)
public class PoisonProjection {
    public static final String GROUP = "poison-test";
    public static final String POISON = "POISON";
    public static final String GATE = "GATE";
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private final CountDownLatch gate = new CountDownLatch(1);
    private volatile boolean broken = true;

    @EventHandler
    void on(ContactRecorded contact, @MessageIdentifier String eventId) throws InterruptedException {
        if (POISON.equals(contact.kind()) && broken) {
            throw new IllegalStateException("this projection cannot handle contact kind " + contact.kind());
        }
        if (GATE.equals(contact.kind())) {
            gate.await(120, TimeUnit.SECONDS);
        }
        handled.add(eventId);
    }

    public List<String> handled() {
        return handled;
    }

    public void fix() {
        broken = false;
    }

    public void breakAgain() {
        broken = true;
    }

    public void open() {
        gate.countDown();
    }
}
