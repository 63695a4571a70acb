package nl.koers.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import nl.koers.serialization.MessageJson;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published language, pinned: every event's sample ({@link GoldenSamples}) serialized with the stored form's
 * own serializer ({@link MessageJson}, what the event store uses) must equal {@code events/<Event>.v<revision>.json},
 * and that file must read back as the sample. Changing an event's JSON means a new revision, an upcaster and a new
 * golden file; the platform's upcaster tests read the older files.
 */
class GoldenEventsTest {
    private static final ObjectMapper TREE = new ObjectMapper();
    private final Serializer serializer = MessageJson.serializer();

    static Stream<Object> events() {
        return GoldenSamples.samples().values().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void theSerializedFormEqualsTheGoldenFile(Object sample) throws Exception {
        SerializedObject<String> serialized = serializer.serialize(sample, String.class);
        String revision = serialized.getType().getRevision();
        String file = sample.getClass().getSimpleName() + ".v" + revision + ".json";
        String golden = GoldenSamples.golden(file);

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
        assertThat(events).hasSizeGreaterThan(20);
        assertThat(GoldenSamples.samples().keySet()).containsExactlyInAnyOrderElementsOf(events);
    }

    @Test
    void everyGoldenFileBelongsToAnEventAndNoneIsNewerThanItsEvent() throws Exception {
        List<GoldenSamples.GoldenFile> files = GoldenSamples.files();
        assertThat(files).hasSizeGreaterThan(GoldenSamples.samples().size());
        for (GoldenSamples.GoldenFile file : files) {
            Object sample = GoldenSamples.sampleOf(file.event());
            int current = Integer.parseInt(serializer.typeForClass(sample.getClass()).getRevision());
            assertThat(Integer.parseInt(file.revision())).as(file.name()).isLessThanOrEqualTo(current);
        }
    }
}
