package dev.kubeward.worker;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Features depend one way: intake owns the ports (staging, notes, scan-on-complete) and knows no other feature;
 * evaluation drives finding and events; failure implements intake's notes; nobody but a feature touches its internals.
 */
class ModularityTest {

    private static final JavaClasses WORKER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.kubeward.worker");

    @Test
    void intakeKnowsNoOtherFeature() {
        noClasses().that().resideInAPackage("..worker.intake..")
                .should().dependOnClassesThat().resideInAnyPackage("..worker.evaluation..", "..worker.finding..", "..worker.events..",
                        "..worker.failure..", "..worker.health..")
                .check(WORKER);
    }

    @Test
    void findingAndEventsDoNotReachBackIntoTheFlow() {
        noClasses().that().resideInAnyPackage("..worker.finding..", "..worker.events..")
                .should().dependOnClassesThat().resideInAnyPackage("..worker.intake..", "..worker.evaluation..", "..worker.failure..")
                .check(WORKER);
    }

    @Test
    void internalsStayInsideTheirFeature() {
        noClasses().that().resideOutsideOfPackage("..worker.finding..")
                .should().dependOnClassesThat().resideInAPackage("..worker.finding.internal..")
                .check(WORKER);
    }
}
