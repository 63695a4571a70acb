package nl.koers.app.demo;

import nl.koers.events.common.BusinessCalendar;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Demo data recorded over time instead of all at once: every step of every demo story gets a plausible moment at
 * which a worker would have recorded it (on its business day or a few days later, in office hours), and the steps
 * are sent in the order of those moments, one thread, with Axon's event clock showing each moment to that thread
 * only ({@link StepClock}). The log's timestamps therefore rise in its global order, and looking back a month
 * ({@code knownAt}, {@code audit replay --as-of}) shows what was known then, not an empty log.
 */
final class DemoRecording {
    private static final Logger log = LoggerFactory.getLogger(DemoRecording.class);
    private static final int PROGRESS_EVERY = 500;
    /**
     * Each command commits its transaction, and H2 writes the store to disk at every commit: a quarter of the time
     * the demo data took. Commands sent inside a transaction of the loader's join it, and a group commits once.
     */
    static final int STEPS_PER_TRANSACTION = 100;
    private final Random random;
    private final Instant now;
    private final List<Step> steps = new ArrayList<>();

    /** One thing a worker records, at {@code at}; {@code order} keeps steps of one moment in the order planned. */
    private record Step(Instant at, int order, Runnable action) {
    }

    DemoRecording(Random random, Clock clock) {
        this.random = random;
        this.now = clock.instant();
    }

    /** A story's own timeline: each step recorded after the story's previous one, never in the future. */
    final class Timeline {
        private Instant last = Instant.MIN;

        /** Plans {@code action} as recorded at a plausible moment on or after {@code businessDay}. */
        void record(LocalDate businessDay, Runnable action) {
            Instant candidate = recordingMoment(businessDay);
            Instant at = candidate.isBefore(last) ? last : candidate;
            at = at.isAfter(now) ? now : at;
            last = at;
            steps.add(new Step(at, steps.size(), action));
        }
    }

    Timeline timeline() {
        return new Timeline();
    }

    /** Mostly the same working day, sometimes a few days later, now and then a late entry two weeks on. */
    private Instant recordingMoment(LocalDate businessDay) {
        int roll = random.nextInt(100);
        int daysLater = roll < 70 ? 0 : roll < 95 ? 1 + random.nextInt(3) : 4 + random.nextInt(11);
        ZoneId zone = BusinessCalendar.ZONE;
        return businessDay.plusDays(daysLater).atTime(8, 30).atZone(zone).toInstant()
                .plus(Duration.ofMinutes(random.nextInt(9 * 60)));
    }

    /**
     * Sends every planned step in the order of its moment, {@value #STEPS_PER_TRANSACTION} to a transaction of the
     * event store; answers how many were sent.
     */
    int replay(TransactionManager transactions) {
        steps.sort(Comparator.comparing(Step::at).thenComparingInt(Step::order));
        Clock system = GenericEventMessage.clock;
        StepClock clock = new StepClock(system);
        GenericEventMessage.clock = clock;
        try {
            for (int from = 0; from < steps.size(); from += STEPS_PER_TRANSACTION) {
                int group = from;
                transactions.executeInTransaction(() -> send(group, clock));
            }
        } finally {
            clock.showToThisThread(null);
            GenericEventMessage.clock = system;
        }
        return steps.size();
    }

    /** Sends the steps from {@code from} on, {@value #STEPS_PER_TRANSACTION} at most, each at its moment. */
    private void send(int from, StepClock clock) {
        for (int i = from; i < Math.min(steps.size(), from + STEPS_PER_TRANSACTION); i++) {
            clock.showToThisThread(steps.get(i).at());
            steps.get(i).action().run();
            if ((i + 1) % PROGRESS_EVERY == 0) {
                log.info("Demo data: {}/{} recordings", i + 1, steps.size());
            }
        }
    }

    int planned() {
        return steps.size();
    }

    /**
     * Axon's clock for event timestamps while demo data loads: the planned moment for the loading thread (commands
     * are handled on the thread that sends them), the real time for every other thread.
     */
    static final class StepClock extends Clock {
        private final Clock real;
        private final ThreadLocal<Instant> shown = new ThreadLocal<>();

        StepClock(Clock real) {
            this.real = real;
        }

        void showToThisThread(Instant moment) {
            if (moment == null) {
                shown.remove();
            } else {
                shown.set(moment);
            }
        }

        @Override
        public ZoneId getZone() {
            return real.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return real.withZone(zone);
        }

        @Override
        public Instant instant() {
            Instant moment = shown.get();
            return moment != null ? moment : real.instant();
        }
    }
}
