package nl.koers.app;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.AggregateRoot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module boundaries of the README's *How it is built*, checked on the compiled classes of all modules (this
 * module sees them all): the two sides share only the published language, the published language depends on
 * nothing but the JDK and annotations, the platform knows neither side, the feature packages of each module do
 * not go round in circles, and the aggregate decides without Spring or MongoDB.
 */
class ModuleBoundariesTest {
    private static final String COMMAND_SIDE = "nl.koers.command..";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // the modules' test jars (platform's test fixtures, shared-events' golden samples) are tests too
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("nl.koers");
    }

    @Test
    void querySideNeverUsesTheCommandSide() {
        noClasses().that().resideInAPackage("nl.koers.query..")
                .should().dependOnClassesThat().resideInAPackage(COMMAND_SIDE)
                .check(classes);
    }

    @Test
    void commandSideNeverUsesTheQuerySide() {
        noClasses().that().resideInAPackage(COMMAND_SIDE)
                .should().dependOnClassesThat().resideInAPackage("nl.koers.query..")
                .check(classes);
    }

    @Test
    void thePlatformKnowsNeitherSide() {
        noClasses().that().resideInAPackage("nl.koers.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(COMMAND_SIDE, "nl.koers.query..",
                        "nl.koers.app..")
                .check(classes);
    }

    @Test
    void thePagesFoundationKnowsNeitherSide() {
        noClasses().that().resideInAPackage("nl.koers.pages..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.koers.command..", "nl.koers.query..",
                        "nl.koers.app..")
                .check(classes);
    }

    @Test
    void sharedEventsDependOnlyOnTheJdkAndAnnotations() {
        ArchRule rule = noClasses().that().resideInAPackage("nl.koers.events..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "nl.koers.events..",
                        "org.axonframework.serialization", "org.axonframework.modelling.command",
                        "com.fasterxml.jackson.annotation");
        rule.check(classes);
    }

    /** A cycle between feature packages means neither can be read, changed or moved without the other. */
    @ParameterizedTest(name = "nl.koers.{0}")
    @ValueSource(strings = {"command", "query", "platform", "pages", "events", "app"})
    void theFeaturePackagesOfAModuleAreFreeOfCycles(String module) {
        slices().matching("nl.koers." + module + ".(*)..").namingSlices("nl.koers." + module + ".$1")
                .should().beFreeOfCycles()
                .check(classes);
    }

    /**
     * The aggregate decides from its own state and the command alone; replaying it must never need a Spring
     * context or a database. The rule covers the aggregate root, everything its fields can hold from the command
     * side (its {@code @AggregateMember}s and their state, found by annotation, so a new member is covered too),
     * and every Koers class those use (guards, catalogues, the published language).
     */
    @Test
    void theAggregateAndItsMembersUseNeitherSpringNorMongoDb() {
        Set<JavaClass> aggregate = aggregateAndMembers();
        assertThat(aggregate.stream().map(JavaClass::getName)).as("the aggregate and its members")
                .contains("nl.koers.command.trajectory.Trajectory").hasSizeGreaterThan(1);
        Set<JavaClass> reached = koersClassesUsedBy(aggregate);

        noClasses().that(DescribedPredicate.describe("are the trajectory aggregate, its members "
                        + aggregate.stream().map(JavaClass::getSimpleName).sorted().toList()
                        + " or Koers classes they use", reached::contains))
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..",
                        "org.bson..")
                .check(classes);
    }

    /** Every aggregate root, and what its fields (and theirs) hold from the command side or as a member. */
    private static Set<JavaClass> aggregateAndMembers() {
        Deque<JavaClass> todo = classes.stream()
                .filter(c -> c.isAnnotatedWith(AggregateRoot.class) || c.isMetaAnnotatedWith(AggregateRoot.class))
                .collect(Collectors.toCollection(ArrayDeque::new));
        Set<JavaClass> found = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            JavaClass next = todo.pop();
            if (!found.add(next)) {
                continue;
            }
            for (JavaField field : next.getFields()) {
                boolean member = field.isAnnotatedWith(AggregateMember.class);
                field.getType().getAllInvolvedRawTypes().stream()
                        .filter(held -> held.getPackageName().startsWith(member ? "nl.koers." : "nl.koers.command"))
                        .forEach(todo::push);
            }
        }
        return found;
    }

    /** The given classes and every {@code nl.koers} class they depend on, directly or through each other. */
    private static Set<JavaClass> koersClassesUsedBy(Set<JavaClass> start) {
        Deque<JavaClass> todo = new ArrayDeque<>(start);
        Set<JavaClass> found = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            JavaClass next = todo.pop();
            if (found.add(next)) {
                next.getDirectDependenciesFromSelf().stream().map(Dependency::getTargetClass)
                        .filter(target -> target.getPackageName().startsWith("nl.koers."))
                        .forEach(todo::push);
            }
        }
        return found;
    }
}
