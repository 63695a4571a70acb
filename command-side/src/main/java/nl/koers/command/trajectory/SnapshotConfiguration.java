package nl.koers.command.trajectory;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Long trajectories load from a snapshot plus the events after it; the threshold is configuration. */
@Configuration(proxyBeanMethods = false)
public class SnapshotConfiguration {

    @Bean
    SnapshotTriggerDefinition trajectorySnapshotTrigger(Snapshotter snapshotter,
                                                        @Value("${koers.snapshot-threshold:50}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
