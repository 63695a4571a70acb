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
import nl.koers.events.common.Bsn;
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
import nl.koers.events.trajectory.AssignCaseworker;
import nl.koers.events.trajectory.CloseTrajectory;
import nl.koers.events.trajectory.ClosureReason;
import nl.koers.events.trajectory.ReferralSource;
import nl.koers.platform.crypto.PersonalDataCipher;
import nl.koers.platform.security.KoersUser;
import nl.koers.platform.security.Role;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Generates the demo trajectories deterministically (fixed seed; dates counted back from today) through the
 * same services and commands a youth worker's requests go through, so every rule of the aggregate applies.
 * Every phase occurs: prevention, detention (some with an overdue network meeting), aftercare and closed
 * trajectories with follow-up police contacts.
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
    private final Clock clock;

    public DemoScenario(TrajectoryOpening opening, CommandGateway commands, PersonalDataCipher cipher, Clock clock) {
        this.opening = opening;
        this.commands = commands;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** Loads every demo trajectory; returns how many were opened. */
    public int load() {
        long started = System.nanoTime();
        Random random = new Random(SEED);
        LocalDate today = BusinessCalendar.today(clock);
        List<FocusArea> areas = ReferenceData.get().focusAreas();
        int total = areas.size() * TRAJECTORIES_PER_AREA;
        int opened = 0;
        for (FocusArea area : areas) {
            KoersUser worker = new KoersUser("demo-" + area.code().value().toLowerCase(), Role.YOUTH_WORKER,
                    Set.of(area.code()), false);
            for (int i = 0; i < TRAJECTORIES_PER_AREA; i++) {
                new Story(random, today, area, worker).tell();
                opened++;
                if (opened % 50 == 0 || opened == total) {
                    log.info("Demo data: {}/{} trajectories", opened, total);
                }
            }
        }
        log.info("Demo data loaded: {} trajectories in {} focus areas in {} s", opened, areas.size(),
                (System.nanoTime() - started) / 1_000_000_000L);
        return opened;
    }

    /** One synthetic trajectory, told as the commands a worker would send over time. */
    private final class Story {
        private final Random random;
        private final LocalDate today;
        private final FocusArea area;
        private final KoersUser worker;
        private TrajectoryId id;
        private YouthId youth;
        private LocalDate day;

        Story(Random random, LocalDate today, FocusArea area, KoersUser worker) {
            this.random = random;
            this.today = today;
            this.area = area;
            this.worker = worker;
        }

        void tell() {
            int fate = random.nextInt(100);
            boolean startsInDetention = fate >= 40 && fate < 45;
            day = today.minusDays(3 + random.nextInt(820));
            open(startsInDetention ? ReferralSource.JUSTICE : pick(ReferralSource.values()));
            send(new AssignCaseworker(id, worker.username(), day, worker.username()));
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
            if (fate >= 80) {
                closeWithFollowUp();
            }
        }

        private void open(ReferralSource source) {
            CbsWijkCode wijk = area.wijken().get(random.nextInt(area.wijken().size()));
            int age = 12 + random.nextInt(12);
            LocalDate birthDate = day.minusYears(age).minusDays(1 + random.nextInt(360));
            String bsn = random.nextInt(3) == 0 ? null : demoBsn();
            var request = new OpenTrajectoryRequest(wijk.value(), day,
                    new OpenTrajectoryRequest.Referral(source, "Demo: signalen uit de wijk"),
                    new OpenTrajectoryRequest.Youth(DemoPeople.givenName(random), DemoPeople.familyName(random),
                            birthDate, bsn));
            var opened = opening.open(request, worker);
            id = opened.trajectoryId();
            youth = opened.youthId();
        }

        private void prevention() {
            advance(3, 20);
            Map<LifeDomain, RiskLevel> domains = new EnumMap<>(LifeDomain.class);
            for (LifeDomain domain : LifeDomain.values()) {
                domains.put(domain, pick(RiskLevel.values()));
            }
            send(new RecordRiskAssessment(id, day, domains, pick(RiskLevel.values()), worker.username()));
            int contacts = 1 + random.nextInt(4);
            for (int c = 0; c < contacts && advance(3, 30); c++) {
                send(new RecordContact(id, pick(CONTACTS), day, cipher.seal(youth, "Demo: gesprek gevoerd"),
                        worker.username()));
            }
            if (advance(5, 30)) {
                InterventionId intervention = InterventionId.newId();
                send(new StartIntervention(id, intervention, pick(INTERVENTIONS), day, null, worker.username()));
                if (random.nextBoolean() && advance(20, 90)) {
                    send(new CompleteIntervention(id, intervention, day, worker.username()));
                }
            }
        }

        private void detention(boolean overdueNetworkMeeting) {
            if (!advance(5, 60)) {
                day = today.minusDays(random.nextInt(5));
            }
            send(new StartDetention(id, pick(DetentionType.values()), pick(FACILITIES), day, worker.username()));
            if (overdueNetworkMeeting) {
                return;
            }
            if (advance(1, 7)) {
                send(new RecordNetworkMeeting(id, day, worker.username()));
            }
            if (advance(7, 30)) {
                send(new RecordTrajectoryMeeting(id, day, worker.username()));
                send(new SetPerspectiefplan(id, day, cipher.seal(youth, "Demo: school en wonen"), worker.username()));
            }
        }

        private void aftercare() {
            if (!advance(30, 200)) {
                return;
            }
            send(new EndDetention(id, day, pick(ReleaseReason.values()), worker.username()));
            for (BasicCondition condition : BasicCondition.values()) {
                if (advance(0, 10)) {
                    send(new AssessBasicCondition(id, condition, pick(ConditionStatus.values()), day, worker.username()));
                }
            }
            if (random.nextInt(3) == 0 && advance(20, 120)) {
                send(new RecordOutcome(id, pick(OutcomeKind.values()), day, worker.username()));
            }
        }

        private void closeWithFollowUp() {
            if (!advance(30, 300)) {
                return;
            }
            send(new CloseTrajectory(id, day, pick(ClosureReason.values()), worker.username()));
            if (random.nextInt(4) == 0 && advance(30, 400)) {
                send(new RecordPoliceContact(id, "SUSPECT", day, worker.username()));
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

        private void send(Object command) {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .withMetaData(CommandMetadata.of(worker, null)));
        }

        private <T> T pick(T[] values) {
            return values[random.nextInt(values.length)];
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        /** A number that passes the eleven test, from the seeded generator: never a real person's BSN by intent. */
        private String demoBsn() {
            while (true) {
                StringBuilder digits = new StringBuilder("9");
                for (int i = 0; i < 7; i++) {
                    digits.append(random.nextInt(10));
                }
                Optional<Bsn> bsn = Bsn.completing(digits.toString());
                if (bsn.isPresent()) {
                    return bsn.get().value();
                }
            }
        }
    }
}
