package nl.koers.app.bench;

import nl.koers.app.demo.DemoPeople;
import nl.koers.events.aftercare.AftercareStarted;
import nl.koers.events.aftercare.BasicCondition;
import nl.koers.events.aftercare.BasicConditionAssessed;
import nl.koers.events.aftercare.ConditionStatus;
import nl.koers.events.assessment.LifeDomain;
import nl.koers.events.assessment.RiskAssessmentRecorded;
import nl.koers.events.assessment.RiskLevel;
import nl.koers.events.common.CbsWijkCode;
import nl.koers.events.common.InterventionId;
import nl.koers.events.common.SealedYouth;
import nl.koers.events.common.TrajectoryEvent;
import nl.koers.events.common.TrajectoryId;
import nl.koers.events.common.YouthId;
import nl.koers.events.contact.ContactRecorded;
import nl.koers.events.contact.PoliceContactRecorded;
import nl.koers.events.correction.EntryCorrected;
import nl.koers.events.detention.DetentionEnded;
import nl.koers.events.detention.DetentionStarted;
import nl.koers.events.detention.DetentionType;
import nl.koers.events.detention.NetworkMeetingHeld;
import nl.koers.events.detention.ReleaseReason;
import nl.koers.events.intervention.InterventionCompleted;
import nl.koers.events.intervention.InterventionStarted;
import nl.koers.events.reference.FocusArea;
import nl.koers.events.reference.ReferenceData;
import nl.koers.events.trajectory.CaseworkerAssigned;
import nl.koers.events.trajectory.ClosureReason;
import nl.koers.events.trajectory.ReferralSource;
import nl.koers.events.trajectory.TrajectoryClosed;
import nl.koers.events.trajectory.TrajectoryOpened;
import nl.koers.platform.crypto.PersonalDataCipher;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * Synthetic but valid trajectories for the benchmarks, written straight into the event store as the write side
 * would append them: every focus area, about 20 events per trajectory (contacts, interventions, detentions with
 * network meetings and basic conditions, police contacts, corrections, closes), names, birth date, BSN and free
 * text sealed per youth. The names are the demo data's ({@link DemoPeople}), so a search finds a realistic number
 * of youths.
 */
final class BenchData {
    private static final String WORKER = "bench";
    private static final int CHUNK = 1000;
    private final PersonalDataCipher cipher;
    private final Random random;
    private final List<CbsWijkCode> wijken = new ArrayList<>();
    private final List<String> trajectoryIds = new ArrayList<>();
    /** Birth dates and BSNs handed out, for benchmarks that search for them (in this process only). */
    private final List<String> birthDates = new ArrayList<>();
    private final List<String> bsns = new ArrayList<>();
    private final ArrayDeque<YouthId> youths = new ArrayDeque<>();

    BenchData(PersonalDataCipher cipher, long seed) {
        this.cipher = cipher;
        this.random = new Random(seed);
        for (FocusArea area : ReferenceData.get().focusAreas()) {
            wijken.addAll(area.wijken());
        }
    }

    /** Appends trajectories until at least {@code events} events are stored; returns the number stored. */
    long append(EventStore store, long events) {
        return appendWhile(store, (stored, trajectories) -> stored < events);
    }

    /** Appends {@code count} more trajectories; returns the events stored. */
    long appendTrajectories(EventStore store, int count) {
        return appendWhile(store, (stored, trajectories) -> trajectories < count);
    }

    /** Appends trajectories in chunks while {@code more} (events stored, trajectories appended) holds. */
    private long appendWhile(EventStore store, BiPredicate<Long, Integer> more) {
        List<DomainEventMessage<?>> chunk = new ArrayList<>(CHUNK + 64);
        long stored = 0;
        int trajectories = 0;
        while (more.test(stored, trajectories)) {
            List<DomainEventMessage<?>> trajectory = trajectory();
            chunk.addAll(trajectory);
            stored += trajectory.size();
            trajectories++;
            if (chunk.size() >= CHUNK) {
                store.publish(chunk);
                chunk = new ArrayList<>(CHUNK + 64);
            }
        }
        if (!chunk.isEmpty()) {
            store.publish(chunk);
        }
        return stored;
    }

    List<String> trajectoryIds() {
        return trajectoryIds;
    }

    List<String> birthDates() {
        return birthDates;
    }

    List<String> bsns() {
        return bsns;
    }

    /**
     * One long trajectory: its opening, its caseworker and {@code contacts} contacts (for the aggregate-load
     * benchmark); stored in chunks, answers the trajectory's id.
     */
    String appendLongTrajectory(EventStore store, int contacts) {
        TrajectoryId id = TrajectoryId.newId();
        YouthId youth = YouthId.newId();
        trajectoryIds.add(id.value());
        CbsWijkCode wijk = wijken.get(random.nextInt(wijken.size()));
        LocalDate opened = LocalDate.of(2024, 1, 1);
        List<DomainEventMessage<?>> chunk = new ArrayList<>(CHUNK);
        long sequence = 0;
        chunk.add(message(id, sequence++, new TrajectoryOpened(id, youth, wijk,
                ReferenceData.get().wijk(wijk).orElseThrow().focusArea(), opened, ReferralSource.SCHOOL,
                cipher.seal(youth, "Aangemeld na signalen van school"),
                new SealedYouth(cipher.seal(youth, DemoPeople.givenName(random)),
                        cipher.seal(youth, DemoPeople.familyName(random)), cipher.seal(youth, "2010-05-05"), null),
                13, WORKER)));
        chunk.add(message(id, sequence++, new CaseworkerAssigned(id, WORKER, opened, WORKER)));
        for (int i = 0; i < contacts; i++) {
            chunk.add(message(id, sequence++, new ContactRecorded(id, "HOME_VISIT", opened.plusDays(i % 700),
                    cipher.seal(youth, "Gesprek over school en vrienden"), WORKER)));
            if (chunk.size() >= CHUNK) {
                store.publish(chunk);
                chunk = new ArrayList<>(CHUNK);
            }
        }
        if (!chunk.isEmpty()) {
            store.publish(chunk);
        }
        return id.value();
    }

    private static DomainEventMessage<?> message(TrajectoryId id, long sequence, TrajectoryEvent event) {
        return new GenericDomainEventMessage<>("Trajectory", id.value(), sequence, event, MetaData.with("user", WORKER));
    }

    /** The next new youth; their keys are made a thousand at a time, as a bulk import would. */
    private YouthId nextYouth() {
        if (youths.isEmpty()) {
            List<YouthId> batch = new ArrayList<>(CHUNK);
            for (int i = 0; i < CHUNK; i++) {
                batch.add(YouthId.newId());
            }
            cipher.prepareKeys(batch);
            youths.addAll(batch);
        }
        return youths.removeFirst();
    }

    private List<DomainEventMessage<?>> trajectory() {
        TrajectoryId id = TrajectoryId.newId();
        YouthId youth = nextYouth();
        trajectoryIds.add(id.value());
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        Consumer<TrajectoryEvent> add = event -> messages.add(new GenericDomainEventMessage<>("Trajectory",
                id.value(), messages.size(), event, MetaData.with("user", WORKER)));
        CbsWijkCode wijk = wijken.get(random.nextInt(wijken.size()));
        LocalDate opened = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(880));
        int age = 8 + random.nextInt(19);
        String birthDate = opened.minusYears(age).minusDays(1 + random.nextInt(360)).toString();
        String bsn = random.nextInt(3) == 0 ? null : DemoPeople.bsn(random);
        birthDates.add(birthDate);
        if (bsn != null) {
            bsns.add(bsn);
        }
        add.accept(new TrajectoryOpened(id, youth, wijk, ReferenceData.get().wijk(wijk).orElseThrow().focusArea(),
                opened, ReferralSource.values()[random.nextInt(ReferralSource.values().length)],
                cipher.seal(youth, "Aangemeld na signalen van school"),
                new SealedYouth(cipher.seal(youth, DemoPeople.givenName(random)),
                        cipher.seal(youth, DemoPeople.familyName(random)), cipher.seal(youth, birthDate),
                        bsn == null ? null : cipher.seal(youth, bsn)), age, WORKER));
        add.accept(new CaseworkerAssigned(id, "worker-" + random.nextInt(40), opened.plusDays(1), WORKER));
        add.accept(new RiskAssessmentRecorded(id, opened.plusDays(3), Map.of(LifeDomain.SCHOOL, RiskLevel.HIGH,
                LifeDomain.FAMILY, RiskLevel.MEDIUM), RiskLevel.MEDIUM, WORKER));
        InterventionId intervention = InterventionId.newId();
        add.accept(new InterventionStarted(id, intervention, "HALT_AFDOENING", opened.plusDays(5), null, WORKER));
        add.accept(new InterventionCompleted(id, intervention, opened.plusDays(40), WORKER));
        int firstContact = messages.size();
        int contacts = 4 + random.nextInt(8);
        for (int i = 0; i < contacts; i++) {
            add.accept(new ContactRecorded(id, "HOME_VISIT", opened.plusDays(7 + 9L * i),
                    cipher.seal(youth, "Gesprek over school en vrienden"), WORKER));
        }
        if (random.nextInt(3) == 0) {
            LocalDate start = opened.plusDays(120 + random.nextInt(60));
            LocalDate end = start.plusDays(30 + random.nextInt(200));
            add.accept(new PoliceContactRecorded(id, "ARREST", start.minusDays(2), WORKER));
            add.accept(new DetentionStarted(id, DetentionType.values()[random.nextInt(3)], "JJI", start, WORKER));
            if (random.nextInt(4) > 0) {
                add.accept(new NetworkMeetingHeld(id, start.plusDays(1 + random.nextInt(12)), WORKER));
            }
            for (BasicCondition condition : BasicCondition.values()) {
                add.accept(new BasicConditionAssessed(id, condition, ConditionStatus.values()[random.nextInt(3)],
                        end.minusDays(5), WORKER));
            }
            add.accept(new DetentionEnded(id, end, ReleaseReason.SENTENCE_SERVED, WORKER));
            add.accept(new AftercareStarted(id, end, WORKER));
            if (random.nextBoolean()) {
                add.accept(new PoliceContactRecorded(id, "HALT_REFERRAL", end.plusDays(random.nextInt(600)), WORKER));
            }
        }
        if (random.nextInt(5) == 0) {
            String corrected = messages.get(firstContact + random.nextInt(contacts)).getIdentifier();
            add.accept(new EntryCorrected(id, corrected, opened.plusDays(100), opened.plusDays(6), null, WORKER));
        }
        if (random.nextInt(3) > 0) {
            LocalDate closed = opened.plusDays(400 + random.nextInt(100));
            add.accept(new TrajectoryClosed(id, closed, ClosureReason.values()[random.nextInt(6)], WORKER));
        }
        return messages;
    }
}
