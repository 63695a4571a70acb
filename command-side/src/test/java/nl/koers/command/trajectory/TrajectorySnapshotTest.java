package nl.koers.command.trajectory;

import nl.koers.events.common.CommandRefused;
import nl.koers.events.common.Rejection;
import nl.koers.events.contact.ContactRecorded;
import nl.koers.events.correction.EntryRetracted;
import nl.koers.events.correction.RetractEntry;
import nl.koers.events.detention.DetentionStarted;
import nl.koers.events.detention.DetentionType;
import nl.koers.events.detention.NetworkMeetingHeld;
import nl.koers.events.detention.RecordNetworkMeeting;
import nl.koers.events.detention.StartDetention;
import nl.koers.events.intervention.CompleteIntervention;
import nl.koers.events.intervention.InterventionCompleted;
import nl.koers.events.intervention.InterventionStarted;
import nl.koers.events.trajectory.CaseworkerAssigned;
import nl.koers.platform.axon.AxonConfiguration;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static nl.koers.command.Samples.CLOCK;
import static nl.koers.command.Samples.ID;
import static nl.koers.command.Samples.INTERVENTION;
import static nl.koers.command.Samples.SEALED;
import static nl.koers.command.Samples.TODAY;
import static nl.koers.command.Samples.WORKER;
import static nl.koers.command.Samples.WORKER_FA03;
import static nl.koers.command.Samples.date;
import static nl.koers.command.Samples.opened;
import static nl.koers.command.Samples.withExpectedVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A long trajectory is loaded from a snapshot: the aggregate serialized with the event store's Jackson serializer.
 * The round trip must restore every field, including the members (detention, interventions, the entry log), and
 * commands must then decide exactly as on the fully replayed aggregate.
 */
class TrajectorySnapshotTest {
    private final Serializer serializer = AxonConfiguration.jacksonSerializer();
    private final AggregateModel<Trajectory> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(
            Trajectory.class, new MultiParameterResolverFactory(
                    new SimpleResourceParameterResolverFactory(Set.of(CLOCK)),
                    ClasspathParameterResolverFactory.forClass(Trajectory.class)));
    private final List<EventMessage<?>> published = new ArrayList<>();
    private final SimpleEventBus eventBus = SimpleEventBus.builder().build();
    private List<DomainEventMessage<?>> history;

    @BeforeEach
    void setUp() {
        eventBus.subscribe(published::addAll);
        List<Object> events = List.of(opened(),
                new CaseworkerAssigned(ID, "straatcoach-zuid", date("2025-09-02"), WORKER),
                new ContactRecorded(ID, "HOME_VISIT", date("2025-09-15"), SEALED, WORKER),
                new InterventionStarted(ID, INTERVENTION, "STREET_COACHING", date("2025-10-01"), null, WORKER),
                new DetentionStarted(ID, DetentionType.YOUTH_DETENTION, "JJI Teylingereind", date("2025-11-01"),
                        WORKER),
                new NetworkMeetingHeld(ID, date("2025-11-05"), WORKER));
        history = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            history.add(new GenericDomainEventMessage<>("Trajectory", ID.value(), i, events.get(i)));
        }
    }

    private Trajectory replayed() {
        EventSourcedAggregate<Trajectory> aggregate = EventSourcedAggregate.initialize(new Trajectory(), model,
                eventBus, NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(DomainEventStream.of(history));
        return aggregate.getAggregateRoot();
    }

    private Trajectory throughSnapshot() {
        SerializedObject<byte[]> snapshot = serializer.serialize(replayed(), byte[].class);
        return serializer.deserialize(snapshot);
    }

    /**
     * As the repository does after reading a snapshot: the snapshot's payload is the aggregate, its sequence number
     * the one of the last event it contains; the command runs within a unit of work, and events reach the bus when
     * it commits.
     */
    private Object handle(Trajectory restored, Object command, Map<String, ?> metaData) throws Exception {
        DomainEventMessage<Trajectory> snapshot = new GenericDomainEventMessage<>("Trajectory", ID.value(),
                history.size() - 1, restored);
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command).andMetaData(metaData);
        ResultMessage<?> result = DefaultUnitOfWork.startAndGet(message).executeWithResult(() -> {
            EventSourcedAggregate<Trajectory> aggregate = EventSourcedAggregate.initialize(
                    snapshot.getPayload(), model, eventBus, NoSnapshotTriggerDefinition.TRIGGER);
            aggregate.initializeState(DomainEventStream.of(snapshot));
            return aggregate.handle(message);
        });
        if (result.isExceptional()) {
            throw (Exception) result.exceptionResult();
        }
        return result.getPayload();
    }

    @Test
    void theSnapshotRestoresEveryField() {
        Trajectory original = replayed();
        Trajectory restored = throughSnapshot();

        assertThat(restored).usingRecursiveComparison().isEqualTo(original);
        assertThat(restored).usingRecursiveComparison().isNotEqualTo(new Trajectory());
        String json = new String(serializer.serialize(original, byte[].class).getData(), StandardCharsets.UTF_8);
        assertThat(json).contains("YOUTH_DETENTION", "STREET_COACHING",
                history.get(2).getIdentifier(), "straatcoach-zuid");
    }

    @Test
    void commandsOnTheRestoredAggregateDecideFromItsState() throws Exception {
        Object version = handle(throughSnapshot(), new CompleteIntervention(ID, INTERVENTION, TODAY, WORKER),
                withExpectedVersion(5));
        assertThat(version).isEqualTo(6L);
        assertThat(published).hasSize(1);
        assertThat(published.get(0).getPayload()).isEqualTo(new InterventionCompleted(ID, INTERVENTION, TODAY, WORKER));

        String contact = history.get(2).getIdentifier();
        handle(throughSnapshot(), new RetractEntry(ID, contact, TODAY, SEALED, WORKER), WORKER_FA03);
        assertThat(published.get(1).getPayload()).isEqualTo(new EntryRetracted(ID, contact, TODAY, SEALED, WORKER));

        assertThatThrownBy(() -> handle(throughSnapshot(), new StartDetention(ID, DetentionType.PIJ,
                "JJI Teylingereind", TODAY, WORKER), WORKER_FA03))
                .isInstanceOfSatisfying(CommandRefused.class, e ->
                        assertThat(e.rejection().kind()).isEqualTo(Rejection.Kind.CONFLICT));
        assertThatThrownBy(() -> handle(throughSnapshot(), new RecordNetworkMeeting(ID, TODAY, WORKER),
                WORKER_FA03)).isInstanceOf(CommandRefused.class);
        assertThatThrownBy(() -> handle(throughSnapshot(), new CompleteIntervention(ID, INTERVENTION, TODAY,
                WORKER), withExpectedVersion(4))).isInstanceOf(CommandRefused.class);
        assertThat(published).hasSize(2);
    }
}
