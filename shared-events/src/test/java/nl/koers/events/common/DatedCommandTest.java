package nl.koers.events.common;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command on a trajectory states its business dates, so none can skip the date rules: each names its date
 * fields, and each date it names is one of its own components.
 */
class DatedCommandTest {
    private static final LocalDate MARKER = LocalDate.of(2001, 2, 3);

    private static List<Class<?>> trajectoryCommands() {
        return new ClassFileImporter().importPackages("nl.koers.events").stream()
                .filter(type -> type.getAllFields().stream()
                        .anyMatch(field -> field.isAnnotatedWith(TargetAggregateIdentifier.class)))
                .map(JavaClass::reflect)
                .toList();
    }

    @Test
    void everyTrajectoryCommandStatesItsBusinessDates() {
        List<Class<?>> commands = trajectoryCommands();
        assertThat(commands).hasSizeGreaterThan(20);
        assertThat(commands).allSatisfy(type -> assertThat(DatedCommand.class).as(type.getSimpleName())
                .isAssignableFrom(type));
    }

    /** With every date component set to one marker day, each stated date is that day: none is made up or lost. */
    @Test
    void theStatedDatesAreTheCommandsOwnDateComponents() throws Exception {
        for (Class<?> type : trajectoryCommands()) {
            RecordComponent[] components = type.getRecordComponents();
            Object[] values = Arrays.stream(components)
                    .map(component -> component.getType() == LocalDate.class ? MARKER
                            : component.getType() == int.class ? (Object) 0 : null).toArray();
            DatedCommand command = (DatedCommand) type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new))
                    .newInstance(values);
            long dateComponents = Arrays.stream(components).filter(c -> c.getType() == LocalDate.class).count();

            assertThat(command.businessDates()).as(type.getSimpleName()).hasSize((int) dateComponents)
                    .allSatisfy(date -> assertThat(date.date()).isEqualTo(MARKER));
            assertThat(command.businessDates().get(0).required()).as(type.getSimpleName()).isTrue();
        }
    }
}
