package dev.modelctl.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
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
    void coreLayersHaveNoCycles() {
        slices().matching("dev.modelctl.core.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    /** base ← model ← checks ← features, and report (rendering) only on base: the stages of docs/architecture.md. */
    @Test
    void coreLayersDependOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("base").definedBy("dev.modelctl.core.base..")
                .layer("model").definedBy("dev.modelctl.core.model..")
                .layer("checks").definedBy("dev.modelctl.core.checks..")
                .layer("report").definedBy("dev.modelctl.core.report..")
                .layer("features").definedBy("dev.modelctl.core.features..")
                .whereLayer("features").mayNotBeAccessedByAnyLayer()
                .whereLayer("checks").mayOnlyBeAccessedByLayers("features")
                .whereLayer("report").mayOnlyBeAccessedByLayers("features")
                .whereLayer("model").mayOnlyBeAccessedByLayers("checks", "features")
                .check(MAIN);
    }

    @Test
    void corePackagesSitInALayer() {
        classes().that().resideInAPackage("dev.modelctl.core..")
                .should().resideInAnyPackage("dev.modelctl.core.base..", "dev.modelctl.core.model..", "dev.modelctl.core.checks..",
                        "dev.modelctl.core.report..", "dev.modelctl.core.features..")
                .check(MAIN);
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
