package nl.koers.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module boundaries of architecture.md, checked on the compiled classes of all modules (this module sees
 * them all): the two sides share only the published language, and the published language depends on nothing
 * but the JDK, Axon's annotations and Jackson's annotations.
 */
class ModuleBoundariesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.koers");
    }

    @Test
    void querySideNeverUsesTheCommandSide() {
        noClasses().that().resideInAPackage("nl.koers.query..")
                .should().dependOnClassesThat().resideInAPackage("nl.koers.command..")
                .check(classes);
    }

    @Test
    void commandSideNeverUsesTheQuerySide() {
        noClasses().that().resideInAPackage("nl.koers.command..")
                .should().dependOnClassesThat().resideInAPackage("nl.koers.query..")
                .check(classes);
    }

    @Test
    void thePlatformKnowsNeitherSide() {
        noClasses().that().resideInAPackage("nl.koers.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.koers.command..", "nl.koers.query..",
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
}
