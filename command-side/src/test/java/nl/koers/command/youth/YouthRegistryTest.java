package nl.koers.command.youth;

import nl.koers.command.InMemoryMongo;
import nl.koers.events.common.CbsWijkCode;
import nl.koers.events.common.FocusAreaCode;
import nl.koers.events.common.TrajectoryId;
import nl.koers.events.trajectory.ClosureReason;
import nl.koers.events.trajectory.TrajectoryClosed;
import nl.koers.events.trajectory.TrajectoryTransferred;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** One open trajectory per youth, decided by the command side's own lookup table (never the query side). */
class YouthRegistryTest {
    private static final FocusAreaCode FA03 = new FocusAreaCode("FA03");
    @RegisterExtension
    static final InMemoryMongo mongo = new InMemoryMongo();
    private YouthRegistry registry;
    private String identity;

    @BeforeEach
    void setUp() {
        registry = new YouthRegistry(mongo.freshDatabase("registry"));
        identity = "hash-of-" + UUID.randomUUID();
    }

    @Test
    void aSecondTrajectoryWhileOneIsOpenIsRefused() {
        TrajectoryId first = TrajectoryId.newId();
        YouthRegistry.Claim granted = registry.claim(identity, first);
        YouthRegistry.Claim refused = registry.claim(identity, TrajectoryId.newId());

        assertThat(granted.granted()).isTrue();
        assertThat(refused.granted()).isFalse();
        assertThat(refused.openTrajectory()).contains(first);
        assertThat(refused.youthId()).isEqualTo(granted.youthId());
    }

    @Test
    void closingFreesTheYouthForANewTrajectoryUnderTheSameId() {
        TrajectoryId first = TrajectoryId.newId();
        YouthRegistry.Claim granted = registry.claim(identity, first);
        registry.on(new TrajectoryClosed(first, LocalDate.of(2026, 3, 1), ClosureReason.GOALS_REACHED, "jeugdwerker"));
        registry.on(new TrajectoryClosed(first, LocalDate.of(2026, 3, 1), ClosureReason.GOALS_REACHED, "jeugdwerker"));

        YouthRegistry.Claim again = registry.claim(identity, TrajectoryId.newId());
        assertThat(again.granted()).isTrue();
        assertThat(again.youthId()).isEqualTo(granted.youthId());
    }

    @Test
    void aFailedOpeningGivesTheSlotBack() {
        TrajectoryId failed = TrajectoryId.newId();
        registry.claim(identity, failed);
        registry.release(identity, failed);

        assertThat(registry.claim(identity, TrajectoryId.newId()).granted()).isTrue();
    }

    @Test
    void ofSimultaneousOpeningsForOneYouthExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<YouthRegistry.Claim>> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            claims.add(pool.submit(() -> {
                go.await();
                return registry.claim(identity, TrajectoryId.newId());
            }));
        }
        go.countDown();
        int granted = 0;
        for (Future<YouthRegistry.Claim> claim : claims) {
            granted += claim.get().granted() ? 1 : 0;
        }
        pool.shutdownNow();
        assertThat(granted).isEqualTo(1);
    }

    @Test
    void aYouthWithABsnIsFoundByEitherIdentity() {
        YouthRegistry.Identity both = new YouthRegistry.Identity("bsn-" + identity, "person-" + identity);
        TrajectoryId first = TrajectoryId.newId();
        YouthRegistry.Claim granted = registry.claim(both, first, FA03);

        YouthRegistry.Claim byName = registry.claim(YouthRegistry.Identity.of("person-" + identity),
                TrajectoryId.newId(), FA03);
        YouthRegistry.Claim byBsn = registry.claim(new YouthRegistry.Identity("bsn-" + identity, "person-other"),
                TrajectoryId.newId(), FA03);
        assertThat(byName.openTrajectory()).contains(first);
        assertThat(byBsn.openTrajectory()).contains(first);
        assertThat(byName.youthId()).isEqualTo(granted.youthId());
        // the refused claim by BSN took nothing: the other name is still free
        assertThat(registry.claim(YouthRegistry.Identity.of("person-other"), TrajectoryId.newId(), FA03).granted())
                .isTrue();
    }

    @Test
    void aNamesakeWithAnotherBsnIsAnotherYouth() {
        YouthRegistry.Claim first = registry.claim(new YouthRegistry.Identity("bsn-1", "person-" + identity),
                TrajectoryId.newId(), FA03);
        YouthRegistry.Claim namesake = registry.claim(new YouthRegistry.Identity("bsn-2", "person-" + identity),
                TrajectoryId.newId(), FA03);
        assertThat(namesake.granted()).isTrue();
        assertThat(namesake.youthId()).isNotEqualTo(first.youthId());
    }

    @Test
    void claimingAgainForTheSameTrajectoryIsGranted() {
        TrajectoryId trajectory = TrajectoryId.newId();
        YouthRegistry.Identity both = new YouthRegistry.Identity("bsn-" + identity, "person-" + identity);
        YouthRegistry.Claim first = registry.claim(both, trajectory, FA03);
        YouthRegistry.Claim again = registry.claim(both, trajectory, FA03);
        assertThat(again.granted()).isTrue();
        assertThat(again.youthId()).isEqualTo(first.youthId());
    }

    @Test
    void aRefusalKnowsTheOpenTrajectorysAreaAlsoAfterATransfer() {
        TrajectoryId trajectory = TrajectoryId.newId();
        registry.claim(YouthRegistry.Identity.of(identity), trajectory, FA03);
        assertThat(registry.claim(identity, TrajectoryId.newId()).openArea()).contains(FA03);

        registry.on(new TrajectoryTransferred(trajectory, new CbsWijkCode("WK059912"), new CbsWijkCode("WK0363TA"),
                new FocusAreaCode("FA01"), LocalDate.of(2026, 3, 1), "jeugdwerker"));
        assertThat(registry.claim(identity, TrajectoryId.newId()).openArea()).contains(new FocusAreaCode("FA01"));
    }
}
