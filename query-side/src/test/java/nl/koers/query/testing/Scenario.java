package nl.koers.query.testing;

import nl.koers.events.aftercare.AftercareStarted;
import nl.koers.events.aftercare.BasicCondition;
import nl.koers.events.aftercare.BasicConditionAssessed;
import nl.koers.events.aftercare.ConditionStatus;
import nl.koers.events.assessment.LifeDomain;
import nl.koers.events.assessment.RiskAssessmentRecorded;
import nl.koers.events.assessment.RiskLevel;
import nl.koers.events.common.CbsWijkCode;
import nl.koers.events.common.FocusAreaCode;
import nl.koers.events.common.InterventionId;
import nl.koers.events.contact.ContactRecorded;
import nl.koers.events.contact.PoliceContactRecorded;
import nl.koers.events.correction.EntryCorrected;
import nl.koers.events.correction.EntryRetracted;
import nl.koers.events.detention.DetentionEnded;
import nl.koers.events.detention.DetentionStarted;
import nl.koers.events.detention.DetentionType;
import nl.koers.events.detention.NetworkMeetingHeld;
import nl.koers.events.detention.PerspectiefplanSet;
import nl.koers.events.detention.ReleaseReason;
import nl.koers.events.detention.StpStarted;
import nl.koers.events.detention.TrajectoryMeetingHeld;
import nl.koers.events.intervention.InterventionCompleted;
import nl.koers.events.intervention.InterventionPlanned;
import nl.koers.events.intervention.InterventionStarted;
import nl.koers.events.intervention.InterventionStopped;
import nl.koers.events.intervention.StopReason;
import nl.koers.events.outcome.OutcomeKind;
import nl.koers.events.outcome.OutcomeRecorded;
import nl.koers.events.trajectory.CaseworkerAssigned;
import nl.koers.events.trajectory.ClosureReason;
import nl.koers.events.trajectory.TrajectoryClosed;
import nl.koers.events.trajectory.TrajectoryTransferred;
import nl.koers.platform.crypto.PersonalDataCipher;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static nl.koers.query.testing.TrajectoryStory.WORKER;

/**
 * Trajectories that between them use every event type the read side knows, corrections and retractions included:
 * the input of the redelivery and rebuild tests (and, scaled up, of the benchmarks).
 */
public final class Scenario {
    private static final String[] WIJKEN = {"WK059910", "WK059912", "WK059915", "WK0363TA", "WK0363FB", "WK051833"};

    private Scenario() {
    }

    public static List<TrajectoryStory> trajectories(PersonalDataCipher cipher, int count, long seed) {
        Random random = new Random(seed);
        List<TrajectoryStory> stories = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            stories.add(trajectory(cipher, random, WIJKEN[i % WIJKEN.length]));
        }
        return stories;
    }

    static TrajectoryStory trajectory(PersonalDataCipher cipher, Random random, String wijk) {
        LocalDate opened = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(480));
        TrajectoryStory story = TrajectoryStory.opened(cipher, wijk, opened)
                .then(s -> new CaseworkerAssigned(s.id(), "worker-" + random.nextInt(4), opened.plusDays(1), WORKER))
                .then(s -> new RiskAssessmentRecorded(s.id(), opened.plusDays(2),
                        Map.of(LifeDomain.SCHOOL, RiskLevel.HIGH, LifeDomain.PEERS, RiskLevel.MEDIUM), RiskLevel.HIGH,
                        WORKER))
                .then(s -> new ContactRecorded(s.id(), "HOME_VISIT", opened.plusDays(3),
                        cipher.seal(s.youth(), "Thuisbezoek, moeder aanwezig"), WORKER));
        InterventionId halt = InterventionId.newId();
        story.then(s -> new InterventionPlanned(s.id(), halt, "HALT_AFDOENING", opened.plusDays(4), WORKER))
                .then(s -> new InterventionStarted(s.id(), halt, "HALT_AFDOENING", opened.plusDays(5), null, WORKER));
        if (random.nextBoolean()) {
            story.then(s -> new InterventionCompleted(s.id(), halt, opened.plusDays(20), WORKER));
        } else {
            story.then(s -> new InterventionStopped(s.id(), halt, opened.plusDays(20), StopReason.NO_SHOW, WORKER));
        }
        int path = random.nextInt(4);
        if (path >= 1) {
            LocalDate start = opened.plusDays(30 + random.nextInt(30));
            LocalDate end = start.plusDays(40 + random.nextInt(90));
            story.then(s -> new PoliceContactRecorded(s.id(), "ARREST", start.minusDays(1), WORKER))
                    .then(s -> new DetentionStarted(s.id(), DetentionType.PRE_TRIAL, "JJI Teylingereind", start, WORKER));
            if (random.nextBoolean()) {
                story.then(s -> new NetworkMeetingHeld(s.id(), start.plusDays(5), WORKER))
                        .then(s -> new TrajectoryMeetingHeld(s.id(), start.plusDays(12), WORKER))
                        .then(s -> new PerspectiefplanSet(s.id(), start.plusDays(14),
                                cipher.seal(s.youth(), "Terug naar school, woont bij oom"), WORKER))
                        .then(s -> new StpStarted(s.id(), end.minusDays(10), WORKER));
            }
            for (BasicCondition condition : BasicCondition.values()) {
                ConditionStatus status = ConditionStatus.values()[random.nextInt(3)];
                story.then(s -> new BasicConditionAssessed(s.id(), condition, status, end.minusDays(3), WORKER));
            }
            story.then(s -> new DetentionEnded(s.id(), end, ReleaseReason.SENTENCE_SERVED, WORKER))
                    .then(s -> new AftercareStarted(s.id(), end, WORKER));
            if (random.nextBoolean()) {
                story.then(s -> new PoliceContactRecorded(s.id(), "HALT_REFERRAL", end.plusDays(random.nextInt(500)),
                        WORKER));
            }
        }
        if (path == 2) {
            story.then(s -> new TrajectoryTransferred(s.id(), new CbsWijkCode(wijk), new CbsWijkCode("WK059912"),
                    new FocusAreaCode("FA03"), opened.plusDays(200), WORKER));
        }
        int contact = story.messages().size();
        story.then(s -> new ContactRecorded(s.id(), "TALK", opened.plusDays(25), null, WORKER));
        if (random.nextInt(3) == 0) {
            story.then(s -> new EntryCorrected(s.id(), s.eventId(contact), opened.plusDays(26), opened.plusDays(24),
                    cipher.seal(s.youth(), "Datum verkeerd ingevoerd"), WORKER));
        }
        if (random.nextInt(3) == 0) {
            story.then(s -> new EntryRetracted(s.id(), s.eventId(contact), opened.plusDays(27), null, WORKER));
        }
        if (random.nextInt(4) == 0) {
            story.then(s -> new EntryCorrected(s.id(), s.eventId(0), opened.plusDays(28), opened.minusDays(3), null,
                    WORKER));
        }
        if (path != 3 || random.nextBoolean()) {
            LocalDate closed = opened.plusDays(300 + random.nextInt(60));
            story.then(s -> new TrajectoryClosed(s.id(), closed, ClosureReason.values()[random.nextInt(6)], WORKER))
                    .then(s -> new OutcomeRecorded(s.id(), OutcomeKind.SCHOOL_ENROLMENT, closed.plusDays(30), WORKER));
        }
        return story;
    }
}
