package dev.kubeward.engine.rules.security;

import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.catalog.ControlDefinition;
import dev.kubeward.engine.catalog.Framework;
import dev.kubeward.engine.rule.Rule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class PssAndPciFrameworksTest {

    private final ControlCatalog catalog = ControlCatalog.standard();

    @ParameterizedTest
    @ValueSource(strings = {"PSS-Baseline", "PSS-Restricted", "PCI-DSS-v4.0"})
    void frameworkNamesOnlyControlsOfTheCatalog(String name) {
        Framework fw = catalog.framework(name).orElseThrow();
        assertThat(fw.controlIds()).isNotEmpty().doesNotHaveDuplicates();
        assertThat(fw.controlIds()).allSatisfy(id -> assertThat(catalog.control(id)).as(id).isPresent());
    }

    @Test
    void restrictedIncludesEveryBaselineControl() {
        assertThat(catalog.framework("PSS-Restricted").orElseThrow().controlIds())
                .containsAll(catalog.framework("PSS-Baseline").orElseThrow().controlIds());
    }

    @Test
    void ourPssControlsAreImplementedByRulesOfThisPackage() {
        Set<String> rules = SecurityContextRules.all().stream().map(Rule::name).collect(Collectors.toSet());
        var pss = catalog.controls().stream().filter(c -> c.id().startsWith("KW-PSS-")).toList();
        assertThat(pss).hasSize(13);
        for (ControlDefinition c : pss) {
            assertThat(c.rules()).as(c.id()).isNotEmpty();
            assertThat(rules).as(c.id()).containsAll(c.rules());
            assertThat(c.frameworks()).as(c.id()).contains("PSS-Restricted");
        }
    }
}
