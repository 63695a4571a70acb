package nl.koers.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import nl.koers.events.aftercare.AftercareStarted;
import nl.koers.events.aftercare.BasicCondition;
import nl.koers.events.aftercare.BasicConditionAssessed;
import nl.koers.events.aftercare.ConditionStatus;
import nl.koers.events.assessment.LifeDomain;
import nl.koers.events.assessment.RiskAssessmentRecorded;
import nl.koers.events.assessment.RiskLevel;
import nl.koers.events.common.EncryptedValue;
import nl.koers.events.common.SealedYouth;
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
import nl.koers.events.privacy.YouthPersonalDataErased;
import nl.koers.events.trajectory.CaseworkerAssigned;
import nl.koers.events.trajectory.ClosureReason;
import nl.koers.events.trajectory.ReferralSource;
import nl.koers.events.trajectory.TrajectoryClosed;
import nl.koers.events.trajectory.TrajectoryOpened;
import nl.koers.events.trajectory.TrajectoryTransferred;
import nl.koers.platform.axon.AxonConfiguration;
import nl.koers.platform.upcasting.PoliceContactRecordedUpcaster;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static nl.koers.command.Samples.FA03;
import static nl.koers.command.Samples.ID;
import static nl.koers.command.Samples.INTERVENTION;
import static nl.koers.command.Samples.OTHER_WIJK;
import static nl.koers.command.Samples.WIJK;
import static nl.koers.command.Samples.WORKER;
import static nl.koers.command.Samples.YOUTH;
import static nl.koers.command.Samples.date;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published language, pinned: for every event a fixed sample is serialized with the real message serializer
 * ({@link AxonConfiguration#jacksonSerializer()}) and must equal {@code events/<Event>.v<revision>.json} (kept in
 * shared-events/src/test/resources/events), and that file must read back as the sample. A file of an older
 * revision must still read as today's sample through the upcasters. Changing an event's JSON means a new
 * revision, an upcaster and a new golden file.
 */
class GoldenEventsTest {
    private static final Pattern FILE = Pattern.compile("(\\w+)\\.v(\\w+)\\.json");
    private static final ObjectMapper TREE = new ObjectMapper();
    private static final EncryptedValue NOTE = new EncryptedValue("q83vAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0e");
    private final Serializer serializer = AxonConfiguration.jacksonSerializer();

    static Map<Class<?>, Object> samples() {
        Map<LifeDomain, RiskLevel> domains = new EnumMap<>(LifeDomain.class);
        domains.put(LifeDomain.SCHOOL, RiskLevel.HIGH);
        domains.put(LifeDomain.PEERS, RiskLevel.MEDIUM);
        List<Object> events = List.of(
                new TrajectoryOpened(ID, YOUTH, WIJK, FA03, date("2025-09-01"), ReferralSource.POLICE, NOTE,
                        new SealedYouth(new EncryptedValue("Z2l2ZW5OYW1l"), new EncryptedValue("ZmFtaWx5TmFtZQ=="),
                                new EncryptedValue("YmlydGhEYXRl"), new EncryptedValue("YnNu")), 15, WORKER),
                new CaseworkerAssigned(ID, "straatcoach-zuid", date("2025-09-02"), WORKER),
                new TrajectoryTransferred(ID, WIJK, OTHER_WIJK, FA03, date("2026-02-20"), WORKER),
                new TrajectoryClosed(ID, date("2026-03-01"), ClosureReason.GOALS_REACHED, WORKER),
                new RiskAssessmentRecorded(ID, date("2025-09-10"), domains, RiskLevel.HIGH, WORKER),
                new ContactRecorded(ID, "HOME_VISIT", date("2025-09-15"), NOTE, WORKER),
                new PoliceContactRecorded(ID, "ARREST", date("2025-10-30"), WORKER),
                new InterventionPlanned(ID, INTERVENTION, "DEBT_HELP", date("2025-09-20"), WORKER),
                new InterventionStarted(ID, INTERVENTION, "DEBT_HELP", date("2025-09-25"), NOTE, WORKER),
                new InterventionCompleted(ID, INTERVENTION, date("2025-10-20"), WORKER),
                new InterventionStopped(ID, INTERVENTION, date("2025-10-21"), StopReason.NO_SHOW, WORKER),
                new DetentionStarted(ID, DetentionType.PRE_TRIAL, "JJI Den Hey-Acker", date("2025-11-01"), WORKER),
                new NetworkMeetingHeld(ID, date("2025-11-05"), WORKER),
                new PerspectiefplanSet(ID, date("2025-11-20"), NOTE, WORKER),
                new TrajectoryMeetingHeld(ID, date("2025-11-20"), WORKER),
                new StpStarted(ID, date("2026-01-05"), WORKER),
                new DetentionEnded(ID, date("2026-02-01"), ReleaseReason.SENTENCE_SERVED, WORKER),
                new AftercareStarted(ID, date("2026-02-01"), WORKER),
                new BasicConditionAssessed(ID, BasicCondition.HOUSING, ConditionStatus.PARTLY, date("2026-02-10"),
                        WORKER),
                new OutcomeRecorded(ID, OutcomeKind.SCHOOL_ENROLMENT, date("2026-02-15"), WORKER),
                new EntryCorrected(ID, "3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c", date("2026-02-16"),
                        date("2025-09-14"), NOTE, WORKER),
                new EntryRetracted(ID, "3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c", date("2026-02-17"), NOTE, WORKER),
                new YouthPersonalDataErased(YOUTH, "verzoek tot verwijdering (AVG art. 17)", "beheerder"));
        Map<Class<?>, Object> byType = new LinkedHashMap<>();
        events.forEach(event -> byType.put(event.getClass(), event));
        return byType;
    }

    static Stream<Object> events() {
        return samples().values().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void theSerializedFormEqualsTheGoldenFile(Object sample) throws IOException {
        SerializedObject<String> serialized = serializer.serialize(sample, String.class);
        String revision = serialized.getType().getRevision();
        String file = sample.getClass().getSimpleName() + ".v" + revision + ".json";
        String golden = golden(file);

        assertThat(TREE.readTree(serialized.getData())).as(file).isEqualTo(TREE.readTree(golden));
        Object read = serializer.deserialize(new SimpleSerializedObject<>(golden, String.class,
                serialized.getType().getName(), revision));
        assertThat(read).as("%s reads back as the sample", file).isEqualTo(sample);
    }

    @Test
    void everyEventHasASampleAndARevision() {
        List<Class<?>> events = new ClassFileImporter().importPackages("nl.koers.events").stream()
                .filter(type -> type.isAnnotatedWith(Revision.class))
                .map(JavaClass::reflect)
                .toList();
        assertThat(events).isNotEmpty();
        assertThat(samples().keySet()).containsExactlyInAnyOrderElementsOf(events);
    }

    /** Files of earlier revisions: each must still read as today's sample through the upcaster chain. */
    @Test
    void olderRevisionsAreUpcastToTheCurrentOne() throws IOException, URISyntaxException {
        EventUpcasterChain upcasters = new EventUpcasterChain(new PoliceContactRecordedUpcaster());
        Map<Class<?>, Object> samples = samples();
        int older = 0;
        try (Stream<Path> files = Files.list(Path.of(getClass().getResource("/events").toURI()))) {
            for (Path path : files.sorted().toList()) {
                Matcher name = FILE.matcher(path.getFileName().toString());
                assertThat(name.matches()).as("golden file name %s", path.getFileName()).isTrue();
                Object sample = samples.values().stream()
                        .filter(event -> event.getClass().getSimpleName().equals(name.group(1)))
                        .findFirst().orElseThrow(() -> new AssertionError("no event for " + path.getFileName()));
                String current = serializer.typeForClass(sample.getClass()).getRevision();
                if (current.equals(name.group(2))) {
                    continue;
                }
                older++;
                Object read = upcastAndRead(upcasters, sample.getClass().getName(), name.group(2),
                        Files.readString(path));
                assertThat(read).as("%s read as revision %s", path.getFileName(), current).isEqualTo(sample);
            }
        }
        assertThat(older).as("older revisions under test").isGreaterThanOrEqualTo(1);
    }

    private Object upcastAndRead(EventUpcasterChain upcasters, String type, String revision, String json) {
        GenericDomainEventEntry<String> stored = new GenericDomainEventEntry<>("Trajectory", ID.value(), 3,
                "0e7c1d2b-6a5f-4e3d-9c2b-1a0f9e8d7c6b", "2025-10-30T12:00:00Z", type, revision, json, "{}");
        Stream<IntermediateEventRepresentation> input = Stream.of(new InitialEventRepresentation(stored, serializer));
        IntermediateEventRepresentation upcast = upcasters.upcast(input).findFirst().orElseThrow();
        assertThat(upcast.getType().getRevision()).isEqualTo(
                serializer.typeForClass(serializer.classForType(upcast.getType())).getRevision());
        return serializer.deserialize(upcast.getData());
    }

    private static String golden(String file) throws IOException {
        try (InputStream in = GoldenEventsTest.class.getResourceAsStream("/events/" + file)) {
            assertThat(in).as("golden file events/%s (shared-events/src/test/resources/events)", file).isNotNull();
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
