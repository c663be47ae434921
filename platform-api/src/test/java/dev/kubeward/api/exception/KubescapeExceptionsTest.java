package dev.kubeward.api.exception;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubescapeExceptionsTest {

    static final String FILE = """
            [
              {
                "name": "exclude-kube-system-host-network",
                "policyType": "postureExceptionPolicy",
                "actions": ["alertOnly"],
                "resources": [
                  {"designatorType": "Attributes", "attributes": {"cluster": "prod-.*", "namespace": "kube-system", "kind": "DaemonSet", "name": "kube-proxy"}},
                  {"designatorType": "Attributes", "attributes": {"namespace": "monitoring", "app": "node-exporter"}}
                ],
                "posturePolicies": [{"controlID": "C-0041"}, {"controlID": "c-0044"}]
              },
              {
                "name": "whole-framework",
                "policyType": "postureExceptionPolicy",
                "actions": ["alertOnly"],
                "resources": [{"designatorType": "Attributes", "attributes": {"namespace": "sandbox"}}],
                "posturePolicies": [{"frameworkName": "NSA"}]
              },
              {"name": "not-ours", "policyType": "vulnerabilityExceptionPolicy", "actions": ["alertOnly"]}
            ]
            """;

    @Test
    void mapsAttributesToScopeAndControlsOneExceptionPerResource() {
        Instant expiry = Instant.parse("2027-01-01T00:00:00Z");
        List<ExceptionRequest> r = KubescapeExceptions.parse(FILE, "platform-team", expiry, null);
        assertThat(r).hasSize(3);
        ExceptionRequest first = r.get(0);
        assertThat(first.name()).isEqualTo("exclude-kube-system-host-network #1");
        assertThat(first.clusters()).containsExactly("prod-*");
        assertThat(first.namespaces()).containsExactly("kube-system");
        assertThat(first.kinds()).containsExactly("DaemonSet");
        assertThat(first.names()).containsExactly("kube-proxy");
        assertThat(first.controls()).containsExactly("C-0041", "C-0044");
        assertThat(first.owner()).isEqualTo("platform-team");
        assertThat(first.expiresAt()).isEqualTo(expiry);
        assertThat(first.reason()).contains("Kubescape").contains("exclude-kube-system-host-network");
        ExceptionRequest second = r.get(1);
        assertThat(second.namespaces()).containsExactly("monitoring");
        assertThat(second.labels()).containsEntry("app", "node-exporter");
        ExceptionRequest framework = r.get(2);
        assertThat(framework.controls()).hasSizeGreaterThan(10).contains("C-0057");
    }

    @Test
    void refusesFilesWithoutPosturePolicies() {
        assertThatThrownBy(() -> KubescapeExceptions.parse("[{\"policyType\": \"vulnerabilityExceptionPolicy\"}]", "o", Instant.now(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KubescapeExceptions.parse("not json", "o", Instant.now(), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void regularExpressionsBecomeGlobs() {
        assertThat(KubescapeExceptions.glob("^kube-.*$")).isEqualTo("kube-*");
        assertThat(KubescapeExceptions.glob("web\\.v1")).isEqualTo("web.v1");
    }
}
