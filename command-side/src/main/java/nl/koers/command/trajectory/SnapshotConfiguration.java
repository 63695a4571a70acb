package nl.koers.command.trajectory;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How a trajectory is loaded for a command. Long trajectories load from a snapshot plus the events after it (the
 * threshold is configuration). The trajectories handled last stay in memory for the next command on them
 * ({@link RecentTrajectories}, {@code koers.aggregate-cache-size} of them), which saves reading and applying their
 * events again: caching is safe because an append checks the trajectory's sequence number in the store, a command
 * that fails evicts the trajectory, and in production commands for one trajectory are routed to one node.
 * {@code koers.aggregate-cache} turns it off.
 */
@Configuration(proxyBeanMethods = false)
public class SnapshotConfiguration {

    @Bean
    SnapshotTriggerDefinition trajectorySnapshotTrigger(Snapshotter snapshotter,
                                                        @Value("${koers.snapshot-threshold:50}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    @Bean
    Cache trajectoryCache(@Value("${koers.aggregate-cache:true}") boolean enabled,
                          @Value("${koers.aggregate-cache-size:500}") int size) {
        return enabled ? new RecentTrajectories(size) : NoCache.INSTANCE;
    }
}
