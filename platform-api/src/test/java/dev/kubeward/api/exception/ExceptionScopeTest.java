package dev.kubeward.api.exception;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExceptionScopeTest {

    private static ExceptionScope.Target target(String control, String ns, String kind, String name, Map<String, String> labels) {
        return new ExceptionScope.Target(control, "0b9c6a8e-0000-0000-0000-000000000001", "prod-eu", kind, ns, name, labels);
    }

    @Test
    void anEmptyDimensionMatchesAnythingAndEveryGivenDimensionMustMatch() {
        ExceptionScope scope = new ExceptionScope(List.of("C-0057"), List.of(), List.of("kube-*"), List.of("daemonset"), List.of(), Map.of());
        assertThat(scope.matches(target("C-0057", "kube-system", "DaemonSet", "cilium", Map.of()))).isTrue();
        assertThat(scope.matches(target("C-0057", "default", "DaemonSet", "cilium", Map.of()))).isFalse();
        assertThat(scope.matches(target("C-0016", "kube-system", "DaemonSet", "cilium", Map.of()))).isFalse();
        assertThat(scope.matches(target("C-0057", "kube-system", "Deployment", "cilium", Map.of()))).isFalse();
    }

    @Test
    void clustersMatchByNameGlobOrById() {
        ExceptionScope byName = new ExceptionScope(List.of(), List.of("prod-*"), List.of(), List.of(), List.of(), Map.of());
        ExceptionScope byId = new ExceptionScope(List.of(), List.of("0b9c6a8e-0000-0000-0000-000000000001"), List.of(), List.of(), List.of(), Map.of());
        ExceptionScope other = new ExceptionScope(List.of(), List.of("staging"), List.of(), List.of(), List.of(), Map.of());
        ExceptionScope.Target t = target("C-1", "ns", "Pod", "p", Map.of());
        assertThat(byName.matches(t)).isTrue();
        assertThat(byId.matches(t)).isTrue();
        assertThat(other.matches(t)).isFalse();
    }

    @Test
    void everyLabelMustBePresentWithTheGivenValueOrAnyValueForAStar() {
        ExceptionScope scope = new ExceptionScope(List.of(), List.of(), List.of(), List.of(), List.of(), Map.of("app", "node-exporter", "team", "*"));
        assertThat(scope.matches(target("C-1", "m", "DaemonSet", "x", Map.of("app", "node-exporter", "team", "sre")))).isTrue();
        assertThat(scope.matches(target("C-1", "m", "DaemonSet", "x", Map.of("app", "node-exporter")))).isFalse();
        assertThat(scope.matches(target("C-1", "m", "DaemonSet", "x", Map.of("app", "other", "team", "sre")))).isFalse();
    }

    @Test
    void globsQuoteEverythingButStarAndQuestionMark() {
        assertThat(ExceptionScope.glob("api-?", "api-1")).isTrue();
        assertThat(ExceptionScope.glob("api-?", "api-12")).isFalse();
        assertThat(ExceptionScope.glob("a.b*", "a.bcd")).isTrue();
        assertThat(ExceptionScope.glob("a.b*", "axbcd")).isFalse();
        assertThat(ExceptionScope.glob("(x)", "(x)")).isTrue();
    }
}
