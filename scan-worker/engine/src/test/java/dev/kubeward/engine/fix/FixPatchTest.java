package dev.kubeward.engine.fix;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeward.engine.evaluation.ResourceResult;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.FixPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FixPatchTest {

    private static final String DEPLOYMENT = """
            {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "api", "namespace": "shop"},
             "spec": {"template": {"spec": {"containers": [
               {"name": "sidecar", "image": "envoy:1.30"},
               {"name": "api", "image": "nginx:1.27", "securityContext": {"privileged": true}}]}}}}""";

    private static KubeObject deployment() throws Exception {
        return KubeObject.of(new ObjectMapper().readTree(DEPLOYMENT));
    }

    private static ResourceResult failed(KubeObject o, List<FixPath> fixes, List<String> deletes) {
        return new ResourceResult(o.ref(), true, List.of("rule"), "", List.of(), fixes, deletes, List.of());
    }

    @Test
    void namesListItemsSoKubectlMergesIntoTheRightContainerAndLeavesTheOthersOut() throws Exception {
        KubeObject o = deployment();
        String patch = FixPatch.of(o, failed(o, List.of(
                new FixPath("spec.template.spec.containers[1].securityContext.privileged", "false"),
                new FixPath("spec.template.spec.containers[1].securityContext.runAsUser", "1000"),
                new FixPath("spec.template.spec.containers[1].securityContext.seccompProfile.type", "RuntimeDefault")), List.of()));

        assertThat(patch).isEqualTo("""
                spec:
                  template:
                    spec:
                      containers:
                        - name: api
                          securityContext:
                            privileged: false
                            runAsUser: 1000
                            seccompProfile:
                              type: RuntimeDefault
                """);
    }

    @Test
    void listsPathsToDeleteAsCommentsAfterThePatch() throws Exception {
        KubeObject o = deployment();
        String patch = FixPatch.of(o, failed(o, List.of(new FixPath("spec.template.spec.hostPID", "false")), List.of("spec.template.spec.hostNetwork")));

        assertThat(patch).isEqualTo("""
                spec:
                  template:
                    spec:
                      hostPID: false
                # remove spec.template.spec.hostNetwork
                """);
    }

    @Test
    void keepsDottedLabelKeysWholeWithOrWithoutBracketsAndQuotesValuesYamlWouldRetype() {
        String patch = FixPatch.yaml(Map.of(), List.of(
                new FixPath("metadata.labels.app.kubernetes.io/name", "api"),
                new FixPath("spec.template.metadata.labels[app.kubernetes.io/part-of]", "shop"),
                new FixPath("spec.replicas", "\"2\""),
                new FixPath("spec.paused", "\"true\"")), List.of());

        assertThat(patch).isEqualTo("""
                metadata:
                  labels:
                    app.kubernetes.io/name: api
                spec:
                  template:
                    metadata:
                      labels:
                        app.kubernetes.io/part-of: shop
                  replicas: "2"
                  paused: "true"
                """);
    }

    @Test
    void isEmptyWhenTheRuleGaveNoFix() throws Exception {
        KubeObject o = deployment();
        assertThat(FixPatch.of(o, failed(o, List.of(), List.of()))).isEmpty();
    }
}
