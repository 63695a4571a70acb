package nl.koers.query.operations;

import nl.koers.query.caseload.CaseloadView;
import nl.koers.query.common.ViewDescriptor;
import nl.koers.query.privacy.ErasureListView;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each view's processor runs with what the view declares, unless a property says otherwise. */
class ProcessorTuningTest {
    private final List<ViewDescriptor> views = List.of(CaseloadView.DESCRIPTOR, ErasureListView.DESCRIPTOR);

    private Map<String, ProcessorTuning.Settings> effective(Map<String, ProcessorTuning.Settings> configured) {
        return new ProcessorTuning().queryProcessorSettings(new ProcessorTuning.Properties(configured), views)
                .perGroup();
    }

    @Test
    void aViewRunsWithTheBatchSizeAndSegmentsItDeclares() {
        assertThat(effective(Map.of())).containsExactly(
                Map.entry("caseload", new ProcessorTuning.Settings(200, 2)),
                Map.entry("erasures", new ProcessorTuning.Settings(100, 4)));
    }

    @Test
    void aPropertyOverridesOneSettingAndKeepsTheOtherAsDeclared() {
        Map<String, ProcessorTuning.Settings> settings = effective(Map.of(
                "caseload", new ProcessorTuning.Settings(50, null),
                "poison-test", new ProcessorTuning.Settings(null, 3)));
        assertThat(settings.get("caseload")).isEqualTo(new ProcessorTuning.Settings(50, 2));
        assertThat(settings.get("erasures")).isEqualTo(new ProcessorTuning.Settings(100, 4));
        // a processing group that is not a declared view gets the general defaults under its configured value
        assertThat(settings.get("poison-test")).isEqualTo(new ProcessorTuning.Settings(100, 3));
    }
}
