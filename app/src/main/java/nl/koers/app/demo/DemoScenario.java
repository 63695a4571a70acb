package nl.koers.app.demo;

import nl.koers.command.common.CommandMetadata;
import nl.koers.command.trajectory.OpenTrajectoryRequest;
import nl.koers.command.trajectory.TrajectoryOpening;
import nl.koers.events.aftercare.AssessBasicCondition;
import nl.koers.events.aftercare.BasicCondition;
import nl.koers.events.aftercare.ConditionStatus;
import nl.koers.events.assessment.LifeDomain;
import nl.koers.events.assessment.RecordRiskAssessment;
import nl.koers.events.assessment.RiskLevel;
import nl.koers.events.common.BusinessCalendar;
import nl.koers.events.common.CbsWijkCode;
import nl.koers.events.common.InterventionId;
import nl.koers.events.common.TrajectoryId;
import nl.koers.events.common.YouthId;
import nl.koers.events.contact.RecordContact;
import nl.koers.events.contact.RecordPoliceContact;
import nl.koers.events.detention.DetentionType;
import nl.koers.events.detention.EndDetention;
import nl.koers.events.detention.RecordNetworkMeeting;
import nl.koers.events.detention.RecordTrajectoryMeeting;
import nl.koers.events.detention.ReleaseReason;
import nl.koers.events.detention.SetPerspectiefplan;
import nl.koers.events.detention.StartDetention;
import nl.koers.events.intervention.CompleteIntervention;
import nl.koers.events.intervention.StartIntervention;
import nl.koers.events.outcome.OutcomeKind;
import nl.koers.events.outcome.RecordOutcome;
import nl.koers.events.reference.FocusArea;
import nl.koers.events.reference.ReferenceData;
import nl.koers.events.trajectory.CloseTrajectory;
import nl.koers.events.trajectory.ClosureReason;
import nl.koers.events.trajectory.ReferralSource;
import nl.koers.platform.crypto.PersonalDataCipher;
import nl.koers.platform.security.KoersUser;
import nl.koers.platform.security.UserDirectory;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Generates the demo trajectories deterministically (fixed seed; dates counted back from today) through the
 * same services and commands a youth worker's requests go through, so every rule of the aggregate applies.
 * Every phase occurs: prevention, detention (some with an overdue network meeting), aftercare and closed
 * trajectories with follow-up police contacts. Each story is planned first, then every step is recorded at a
 * plausible moment after its business date ({@link DemoRecording}), so the log grows over time as in real use.
 * Where a demo user works in a focus area, that user opens (and so is the caseworker of) its trajectories.
 */
@Component
public class DemoScenario {
    private static final Logger log = LoggerFactory.getLogger(DemoScenario.class);
    static final long SEED = 20_22_07_01L;
    static final int TRAJECTORIES_PER_AREA = 15;
    private static final List<String> INTERVENTIONS = List.of("HALT_AFDOENING", "STREET_COACHING",
            "ROLE_MODEL_MENTORING", "FAMILY_PROGRAMME", "SCHOOL_ATTENDANCE", "WORK_TRAJECTORY", "DEBT_HELP");
    private static final List<String> CONTACTS = List.of("HOME_VISIT", "TALK", "TALK_WITH_PARENTS", "SCHOOL_CONTACT",
            "PHONE");
    private static final List<String> FACILITIES = List.of("JJI Den Hey-Acker", "JJI Teylingereind",
            "JJI De Hunnerberg", "JJI Lelystad", "JJI Horsten");

    private final TrajectoryOpening opening;
    private final CommandGateway commands;
    private final PersonalDataCipher cipher;
    private final UserDirectory users;
    private final Clock clock;
    private final TransactionManager transactions;

    public DemoScenario(TrajectoryOpening opening, CommandGateway commands, PersonalDataCipher cipher,
                        UserDirectory users, Clock clock, ObjectProvider<TransactionManager> transactions) {
        this.opening = opening;
        this.commands = commands;
        this.cipher = cipher;
        this.users = users;
        this.clock = clock;
        // Axon Server has no transaction of the application's to join
        this.transactions = transactions.getIfAvailable(() -> NoTransactionManager.INSTANCE);
    }

    /** Loads {@value #TRAJECTORIES_PER_AREA} demo trajectories in every focus area; returns how many were opened. */
    public int load() {
        return load(TRAJECTORIES_PER_AREA);
    }

    /** As {@link #load()}, {@code perArea} in every focus area. */
    public int load(int perArea) {
        long started = System.nanoTime();
        Random random = new Random(SEED);
        LocalDate today = BusinessCalendar.today(clock);
        DemoRecording recording = new DemoRecording(new Random(SEED + 1), clock); // the same stories as before
        List<FocusArea> areas = ReferenceData.get().focusAreas();
        for (FocusArea area : areas) {
            KoersUser worker = DemoPeople.workerIn(users, area);
            for (int i = 0; i < perArea; i++) {
                new Story(random, today, area, worker, recording.timeline()).plan();
            }
        }
        log.info("Demo data: {} trajectories planned as {} recordings over time; recording them now",
                areas.size() * perArea, recording.planned());
        int recorded = recording.replay(transactions);
        log.info("Demo data loaded: {} trajectories ({} recordings) in {} focus areas in {} s",
                areas.size() * perArea, recorded, areas.size(), (System.nanoTime() - started) / 1_000_000_000L);
        return areas.size() * perArea;
    }

    /**
     * One synthetic trajectory, planned as the commands a worker would send over time: every random choice is
     * made while planning, the commands are built when their moment comes (they need the ids the opening made).
     */
    private final class Story {
        private final Random random;
        private final LocalDate today;
        private final FocusArea area;
        private final KoersUser worker;
        private final DemoRecording.Timeline timeline;
        private TrajectoryId id;
        private YouthId youth;
        private LocalDate day;
        /** Whether the story is in a detention: it cannot close before the detention ends. */
        private boolean detained;

        Story(Random random, LocalDate today, FocusArea area, KoersUser worker, DemoRecording.Timeline timeline) {
            this.random = random;
            this.today = today;
            this.area = area;
            this.worker = worker;
            this.timeline = timeline;
        }

        void plan() {
            int fate = random.nextInt(100);
            boolean startsInDetention = fate >= 40 && fate < 45;
            day = today.minusDays(3 + random.nextInt(820));
            open(startsInDetention ? ReferralSource.JUSTICE : pick(ReferralSource.values()));
            if (!startsInDetention) {
                prevention();
            }
            if (fate < 40) {
                if (fate < 25) {
                    closeWithFollowUp();
                }
                return;
            }
            detention(fate < 52);
            if (fate < 60) {
                return; // still in detention
            }
            aftercare();
            if (fate >= 80 && !detained) {
                closeWithFollowUp();
            }
        }

        private void open(ReferralSource source) {
            CbsWijkCode wijk = area.wijken().get(random.nextInt(area.wijken().size()));
            int age = 12 + random.nextInt(12);
            LocalDate birthDate = day.minusYears(age).minusDays(1 + random.nextInt(360));
            String bsn = random.nextInt(3) == 0 ? null : DemoPeople.bsn(random);
            var request = new OpenTrajectoryRequest(wijk.value(), day,
                    new OpenTrajectoryRequest.Referral(source, "Demo: signalen uit de wijk"),
                    new OpenTrajectoryRequest.Youth(DemoPeople.givenName(random), DemoPeople.familyName(random),
                            birthDate, bsn), null);
            timeline.record(day, () -> {
                var opened = opening.open(request, worker);
                id = opened.trajectoryId();
                youth = opened.youthId();
            });
        }

        private void prevention() {
            advance(3, 20);
            Map<LifeDomain, RiskLevel> domains = new EnumMap<>(LifeDomain.class);
            for (LifeDomain domain : LifeDomain.values()) {
                domains.put(domain, pick(RiskLevel.values()));
            }
            RiskLevel overall = pick(RiskLevel.values());
            LocalDate assessed = day;
            send(assessed, () -> new RecordRiskAssessment(id, assessed, domains, overall, worker.username()));
            int contacts = 1 + random.nextInt(4);
            for (int c = 0; c < contacts && advance(3, 30); c++) {
                String kind = pick(CONTACTS);
                LocalDate on = day;
                send(on, () -> new RecordContact(id, kind, on, cipher.seal(youth, "Demo: gesprek gevoerd"),
                        worker.username()));
            }
            if (advance(5, 30)) {
                InterventionId intervention = InterventionId.newId();
                String type = pick(INTERVENTIONS);
                LocalDate started = day;
                send(started, () -> new StartIntervention(id, intervention, type, started, null, worker.username()));
                if (random.nextBoolean() && advance(20, 90)) {
                    LocalDate completed = day;
                    send(completed, () -> new CompleteIntervention(id, intervention, completed, worker.username()));
                }
            }
        }

        private void detention(boolean overdueNetworkMeeting) {
            if (!advance(5, 60)) {
                day = today.minusDays(random.nextInt(5));
            }
            DetentionType type = pick(DetentionType.values());
            String facility = pick(FACILITIES);
            LocalDate started = day;
            send(started, () -> new StartDetention(id, type, facility, started, worker.username()));
            detained = true;
            if (overdueNetworkMeeting) {
                return;
            }
            if (advance(1, 7)) {
                LocalDate held = day;
                send(held, () -> new RecordNetworkMeeting(id, held, worker.username()));
            }
            if (advance(7, 30)) {
                LocalDate held = day;
                send(held, () -> new RecordTrajectoryMeeting(id, held, worker.username()));
                send(held, () -> new SetPerspectiefplan(id, held, cipher.seal(youth, "Demo: school en wonen"),
                        worker.username()));
            }
        }

        private void aftercare() {
            if (!advance(30, 200)) {
                return;
            }
            ReleaseReason reason = pick(ReleaseReason.values());
            LocalDate ended = day;
            send(ended, () -> new EndDetention(id, ended, reason, worker.username()));
            detained = false;
            for (BasicCondition condition : BasicCondition.values()) {
                if (advance(0, 10)) {
                    ConditionStatus status = pick(ConditionStatus.values());
                    LocalDate assessed = day;
                    send(assessed, () -> new AssessBasicCondition(id, condition, status, assessed, worker.username()));
                }
            }
            if (random.nextInt(3) == 0 && advance(20, 120)) {
                OutcomeKind kind = pick(OutcomeKind.values());
                LocalDate achieved = day;
                send(achieved, () -> new RecordOutcome(id, kind, achieved, worker.username()));
            }
        }

        private void closeWithFollowUp() {
            if (!advance(30, 300)) {
                return;
            }
            ClosureReason reason = pick(ClosureReason.values());
            LocalDate closed = day;
            send(closed, () -> new CloseTrajectory(id, closed, reason, worker.username()));
            if (random.nextInt(4) == 0 && advance(30, 400)) {
                LocalDate on = day;
                send(on, () -> new RecordPoliceContact(id, "SUSPECT", on, worker.username()));
            }
        }

        /** Moves the story's day forward; false (and no move) when that would pass today. */
        private boolean advance(int minDays, int maxDays) {
            LocalDate next = day.plusDays(minDays + random.nextInt(maxDays - minDays + 1));
            if (next.isAfter(today)) {
                return false;
            }
            day = next;
            return true;
        }

        /** Plans a command for {@code businessDay}; it is built when recorded, once the trajectory exists. */
        private void send(LocalDate businessDay, Supplier<Object> command) {
            timeline.record(businessDay, () -> commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                    command.get()).withMetaData(CommandMetadata.of(worker, null))));
        }

        private <T> T pick(T[] values) {
            return values[random.nextInt(values.length)];
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }
    }
}
