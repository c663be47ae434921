package dev.kubeward.engine.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ControlInputs;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.RuleOutcome;
import dev.kubeward.engine.snapshot.SnapshotIndex;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PodSecurityPolicyCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    @Test
    void rootIsDeniedOnlyWhenEveryRangeExcludesUidZero() throws Exception {
        assertThat(PodSecurityPolicyCheck.deniesRoot(json("{\"rule\":\"MustRunAsNonRoot\"}"))).isTrue();
        assertThat(PodSecurityPolicyCheck.deniesRoot(json("{\"rule\":\"MustRunAs\",\"ranges\":[{\"min\":1,\"max\":10}]}"))).isTrue();
        assertThat(PodSecurityPolicyCheck.deniesRoot(json("{\"rule\":\"MustRunAs\",\"ranges\":[{\"min\":1,\"max\":10},{\"min\":0,\"max\":0}]}"))).isFalse();
        assertThat(PodSecurityPolicyCheck.deniesRoot(json("{\"rule\":\"RunAsAny\"}"))).isFalse();
    }

    @Test
    void unsetAllowPrivilegeEscalationIsPermissiveAsTheApiDefaultsItToTrue() throws Exception {
        KubeObject psp = KubeObject.of(json("{\"apiVersion\":\"policy/v1beta1\",\"kind\":\"PodSecurityPolicy\",\"metadata\":{\"name\":\"p\"},\"spec\":{}}"));
        PodSecurityPolicyCheck rule = PodSecurityPolicyCheck.all().stream()
                .filter(r -> r.name().equals("psp-deny-allowprivilegeescalation")).findFirst().orElseThrow();
        RuleOutcome outcome = rule.evaluate(new RuleContext(SnapshotIndex.of(List.of(psp)), ControlInputs.defaults()));
        assertThat(outcome.violations()).hasSize(1);
        assertThat(outcome.evaluated()).containsExactly(psp.ref());
    }
}
