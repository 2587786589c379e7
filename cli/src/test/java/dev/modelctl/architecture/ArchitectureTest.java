package dev.modelctl.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layering rules of docs/architecture.md, enforced: a cycle or a forbidden import fails the build. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.modelctl");

    @Test
    void corePackagesHaveNoCycles() {
        slices().matching("dev.modelctl.core.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("dev.modelctl.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void coreUsesNoPicocliSdkOrJgit() {
        noClasses().that().resideInAPackage("dev.modelctl.core..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", "software.amazon..", "org.eclipse.jgit..")
                .check(MAIN);
    }

    @Test
    void onlyTheAdaptersUseTheSdkAndJgit() {
        noClasses().that().resideOutsideOfPackage("dev.modelctl.aws..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon..").check(MAIN);
        noClasses().that().resideOutsideOfPackage("dev.modelctl.git..")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.jgit..").check(MAIN);
    }

    @Test
    void coreAndAdaptersDoNotReachIntoCommands() {
        noClasses().that().resideInAnyPackage("dev.modelctl.core..", "dev.modelctl.aws..", "dev.modelctl.git..")
                .should().dependOnClassesThat().resideInAPackage("dev.modelctl.cli..")
                .check(MAIN);
    }
}
