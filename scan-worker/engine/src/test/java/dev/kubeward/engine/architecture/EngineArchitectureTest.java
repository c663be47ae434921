package dev.kubeward.engine.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The engine is a pure library (ARCHITECTURE.md): no Spring, Kafka or JPA, so it runs in the worker, the
 * platform and the CLI alike; and the rule library depends on the engine core, never the other way round.
 */
class EngineArchitectureTest {

    private static JavaClasses engine;

    @BeforeAll
    static void importEngine() {
        engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.kubeward.engine");
    }

    @Test
    void engineHasNoSpringKafkaOrJpa() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..", "jakarta.persistence..",
                "org.hibernate..").check(engine);
    }

    @Test
    void engineCoreDoesNotDependOnTheRuleLibrary() {
        noClasses().that().resideInAnyPackage("dev.kubeward.engine.model..", "dev.kubeward.engine.snapshot..", "dev.kubeward.engine.rule",
                        "dev.kubeward.engine.catalog..", "dev.kubeward.engine.scoring..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.kubeward.engine.rules..", "dev.kubeward.engine.rbac..")
                .check(engine);
    }

    @Test
    void ruleConcernsDoNotReachIntoEachOther() {
        String[] concerns = {"workload", "security", "hygiene", "network", "cluster", "controlplane"};
        for (String concern : concerns) {
            String[] others = java.util.Arrays.stream(concerns).filter(c -> !c.equals(concern))
                    .map(c -> "dev.kubeward.engine.rules." + c + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("dev.kubeward.engine.rules." + concern + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others).check(engine);
        }
    }
}
