package dev.kubeward.api.vuln;

import dev.kubeward.api.vuln.VulnControls.Vuln;
import dev.kubeward.api.vuln.VulnControls.Workload;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class VulnControlsTest {

    static final Workload EXPOSED = new Workload("apps/v1", "Deployment", "shop", "web");
    static final Workload INTERNAL = new Workload("apps/v1", "Deployment", "shop", "worker");
    static final Workload CLEAN = new Workload("apps/v1", "Deployment", "shop", "clean");

    @Test
    void criticalAndRceCountOnlyWhenExposedExcessiveCountsEverywhere() {
        List<Vuln> vulns = List.of(
                new Vuln(EXPOSED, "CVE-1", "critical", true, "app:1"), new Vuln(EXPOSED, "CVE-2", "high", false, "app:1"),
                new Vuln(INTERNAL, "CVE-1", "critical", true, "app:1"), new Vuln(INTERNAL, "CVE-2", "high", false, "app:1"));

        VulnControls.Result r = VulnControls.evaluate(Set.of(EXPOSED, INTERNAL, CLEAN), vulns, Set.of(EXPOSED), 0, 5);

        assertThat(r.failures()).extracting(f -> f.controlId() + " " + f.workload().name()).containsExactlyInAnyOrder(
                "C-0083 web", "C-0084 web", "C-0085 web", "C-0085 worker");
        assertThat(r.counts().get("C-0083")).containsExactly(1, 2);
        assertThat(r.counts().get("C-0085")).containsExactly(2, 1);
    }

    @Test
    void thresholdsAreGreaterThanNotAtLeast() {
        List<Vuln> vulns = List.of(new Vuln(INTERNAL, "CVE-1", "critical", false, "a"), new Vuln(INTERNAL, "CVE-2", "high", false, "a"));

        assertThat(VulnControls.evaluate(Set.of(INTERNAL), vulns, Set.of(), 1, 1).failures()).isEmpty();
        assertThat(VulnControls.evaluate(Set.of(INTERNAL), vulns, Set.of(), 0, 1).failures()).hasSize(1);
    }
}
