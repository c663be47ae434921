package dev.kubeward.engine.rules.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kubeward.engine.model.KubeObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiServerPodTest {

    private static KubeObject pod(String yaml) throws Exception {
        return KubeObject.of(new ObjectMapper(new YAMLFactory()).readTree(yaml));
    }

    @Test
    void readsFlagsFromArgsWhenTheCommandIsOnlyTheBinary() throws Exception {
        ApiServerPod api = ApiServerPod.of(pod("""
                kind: Pod
                metadata: {name: kube-apiserver-rke2, namespace: kube-system}
                spec:
                  containers:
                    - name: kube-apiserver
                      image: rancher/hardened-kubernetes:v1.24.3-rke2r1
                      command: [kube-apiserver]
                      args: [--advertise-address=10.0.0.1, --authorization-mode, "Node,RBAC", --profiling=false]
                """)).orElseThrow();
        assertThat(api.flag("authorization-mode")).hasValueSatisfying(f -> {
            assertThat(f.value()).isEqualTo("Node,RBAC");
            assertThat(f.path()).isEqualTo("spec.containers[0].args[1]");
        });
        assertThat(api.flag("encryption-provider-config")).isEmpty();
        assertThat(api.flagListPath()).isEqualTo("spec.containers[0].args");
        assertThat(api.appendPath()).isEqualTo("spec.containers[0].args[4]");
        assertThat(api.imageVersion()).contains(SemanticVersion.of(1, 24, 3));
    }

    @Test
    void laterOccurrenceOfAFlagWins() throws Exception {
        ApiServerPod api = ApiServerPod.of(pod("""
                kind: Pod
                metadata: {name: kube-apiserver-cp, namespace: kube-system, labels: {component: kube-apiserver}}
                spec:
                  containers:
                    - name: apiserver
                      command: [/usr/local/bin/kube-apiserver, --authorization-mode=AlwaysAllow, --authorization-mode=RBAC]
                """)).orElseThrow();
        assertThat(api.flag("authorization-mode").map(ApiServerPod.Flag::value)).contains("RBAC");
        assertThat(api.flagListPath()).isEqualTo("spec.containers[0].command");
    }

    @Test
    void otherPodsAreNotApiServers() throws Exception {
        assertThat(ApiServerPod.of(pod("""
                kind: Pod
                metadata: {name: web, namespace: shop}
                spec: {containers: [{name: web, command: [nginx]}]}
                """))).isEmpty();
    }
}
