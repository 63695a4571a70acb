package nl.koers.query.audit;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Links every event into the hash chain, strictly in global order, one writer at a time across all replicas: a
 * single-segment claim in Axon's token store (processor name {@value #CLAIM}) decides who writes. It reads the
 * log after the chain's head and stops at the first event below which a position is not settled yet (a JDBC
 * insert that may still commit), so a late commit can never land behind a link that is already written. Why
 * this is not an ordinary event processor: README.md in this package.
 */
@Component
public class AuditChainWriter implements SmartLifecycle {
    static final String CLAIM = "koers-audit-chain";
    private static final Logger log = LoggerFactory.getLogger(AuditChainWriter.class);
    private static final int BATCH = 500;
    private static final long CLAIM_EXTEND_MILLIS = 3_000;
    private static final long IDLE_MILLIS = 250;

    private final AuditEventSource source;
    private final AuditChainStore store;
    private final TokenStore tokenStore;
    private final boolean enabled;
    private volatile boolean running;
    private volatile boolean claimed;
    private Thread worker;
    private long lastClaimExtension;

    public AuditChainWriter(AuditEventSource source, AuditChainStore store, TokenStore tokenStore,
                            @Value("${koers.audit.chain-writer:true}") boolean enabled) {
        this.source = source;
        this.store = store;
        this.tokenStore = tokenStore;
        this.enabled = enabled;
    }

    @Override
    public synchronized void start() {
        if (!enabled || running) {
            return;
        }
        running = true;
        worker = new Thread(this::work, "audit-chain");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Late in start-up (after Axon), early in shut-down (before Axon and MongoDB). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private void work() {
        long pause = 500;
        while (running) {
            try {
                if (claim()) {
                    follow();
                    pause = 500;
                } else {
                    sleep(5_000);
                }
            } catch (AuditChainStore.ChainConflict e) {
                log.error("Audit chain stopped: {}. Investigate before restarting; nothing is overwritten.",
                        e.getMessage());
                running = false;
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                log.warn("Audit chain paused after {}: {}; retrying", e.getClass().getSimpleName(), e.getMessage());
                sleepQuietly(pause);
                pause = Math.min(pause * 2, 30_000);
            }
        }
        release();
    }

    /** Links what the log holds after the head, up to its end or the first unsettled position. */
    private void follow() throws InterruptedException {
        AuditChainStore.Head head = store.head();
        List<AuditRecord> pending = new ArrayList<>(BATCH);
        String previous = head.hash();
        long last = head.position();
        boolean unsettled = false;
        try (Stream<? extends TrackedEventMessage<?>> events = source.readAfter(head.position())) {
            Iterator<? extends TrackedEventMessage<?>> it = events.iterator();
            while (running && it.hasNext()) {
                TrackedEventMessage<?> message = it.next();
                if (!AuditEventSource.settled(message)) {
                    unsettled = true;
                    break;
                }
                long position = AuditEventSource.position(message);
                if (position <= last) {
                    continue;
                }
                AuditRecord link = source.content(message).linkedTo(previous);
                pending.add(link);
                previous = link.hash();
                last = position;
                if (pending.size() >= BATCH) {
                    store.append(pending);
                    pending.clear();
                    extendClaimWhenDue();
                }
            }
        }
        store.append(pending);
        extendClaimWhenDue();
        if (running && (unsettled || last == head.position())) {
            // Caught up, or an insert below may still commit: look again shortly.
            sleep(unsettled ? 1_000 : IDLE_MILLIS);
        }
    }

    private boolean claim() {
        if (claimed) {
            return true;
        }
        try {
            if (tokenStore.fetchSegments(CLAIM).length == 0) {
                tokenStore.initializeTokenSegments(CLAIM, 1);
            }
            tokenStore.fetchToken(CLAIM, 0);
            claimed = true;
            lastClaimExtension = System.currentTimeMillis();
            log.info("Audit chain writer active on this node");
            return true;
        } catch (UnableToClaimTokenException e) {
            return false;
        }
    }

    private void extendClaimWhenDue() {
        long now = System.currentTimeMillis();
        if (now - lastClaimExtension >= CLAIM_EXTEND_MILLIS) {
            try {
                tokenStore.extendClaim(CLAIM, 0);
            } catch (UnableToClaimTokenException e) {
                claimed = false;
                throw new IllegalStateException("lost the audit chain claim to another node");
            }
            lastClaimExtension = now;
        }
    }

    private void release() {
        Thread.interrupted(); // a stop interrupts the worker; the release below must still reach MongoDB
        if (claimed) {
            try {
                tokenStore.releaseClaim(CLAIM, 0);
            } catch (RuntimeException e) {
                log.debug("Could not release the audit chain claim: {}", e.getMessage());
            }
            claimed = false;
        }
    }

    private void sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    private void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
