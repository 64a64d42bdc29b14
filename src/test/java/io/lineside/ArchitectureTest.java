package io.lineside;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package boundaries of DESIGN.md, enforced on the production classes. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.lineside");

    @Test
    void onlyUiAndAppUseJavaFx() {
        noClasses().that().resideOutsideOfPackages("io.lineside.ui..", "io.lineside.app..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(CLASSES);
    }

    @Test
    void onlyTelemetryUsesPaho() {
        noClasses().that().resideOutsideOfPackage("io.lineside.telemetry..")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.paho..")
                .check(CLASSES);
    }

    @Test
    void onlyTheSparkplugHostUsesProtobufAndTahu() {
        noClasses().that().resideOutsideOfPackage("io.lineside.telemetry.sparkplug..")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.protobuf..", "org.eclipse.tahu..")
                .check(CLASSES);
    }

    @Test
    void onlyHistoryAndSecurityUseJdbc() {
        noClasses().that().resideOutsideOfPackages("io.lineside.history..", "io.lineside.security..",
                        "io.lineside.store..") // store: the migrations both share
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.h2..")
                .check(CLASSES);
    }

    @Test
    void coreDoesNotDependOnTheUi() {
        noClasses().that().resideInAnyPackage("io.lineside.tags..", "io.lineside.telemetry..",
                        "io.lineside.history..", "io.lineside.sim..", "io.lineside.security..", "io.lineside.alarms..",
                        "io.lineside.layout..", "io.lineside.shifts..", "io.lineside.store..", "io.lineside.stations..",
                        "io.lineside.replay..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lineside.ui..", "io.lineside.app..")
                .check(CLASSES);
    }

    @Test
    void securityStandsAloneSoEveryFeatureCanDependOnIt() {
        noClasses().that().resideInAPackage("io.lineside.security..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lineside.ui..", "io.lineside.app..",
                        "io.lineside.telemetry..", "io.lineside.history..", "io.lineside.tags..", "io.lineside.sim..")
                .check(CLASSES);
    }

    @Test
    void theSharedStoreKnowsNoOtherLinesidePackage() {
        noClasses().that().resideInAPackage("io.lineside.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lineside.history..", "io.lineside.security..",
                        "io.lineside.tags..", "io.lineside.telemetry..", "io.lineside.alarms..", "io.lineside.ui..",
                        "io.lineside.app..", "io.lineside.sim..")
                .check(CLASSES);
    }

    @Test
    void theStationModelReadsOnlyTagsAndAlarms() {
        noClasses().that().resideInAPackage("io.lineside.stations..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lineside.telemetry..", "io.lineside.history..",
                        "io.lineside.security..", "io.lineside.sim..", "io.lineside.layout..", "io.lineside.shifts..",
                        "io.lineside.store..")
                .check(CLASSES);
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("io.lineside.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void featureUisFormNoCycle() {
        slices().matching("io.lineside.ui.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
