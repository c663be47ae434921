package dev.kubeward.engine.rbac;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rbac.graph.RbacGraph;
import dev.kubeward.engine.rbac.permission.RbacIndex;
import dev.kubeward.engine.rule.ControlInputs;
import dev.kubeward.engine.rule.Rule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.SnapshotRule;
import dev.kubeward.engine.snapshot.SnapshotIndex;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** 5,000 roles and bindings and 2,000 workloads: effective permissions well under 2 s; every rule and the graph linear. */
class RbacScaleTest {

    private static final ObjectMapper M = new ObjectMapper();

    @Test
    void effectivePermissionsOfALargeClusterComputeWellUnderTwoSeconds() {
        analyse(cluster(250, 200)); // NB: warms up class loading and the JIT, which a long-running worker has done already
        List<KubeObject> objects = cluster(2500, 2000);
        long start = System.nanoTime();
        RbacIndex index = RbacIndex.build(SnapshotIndex.of(objects));
        int grants = 0;
        for (var s : index.subjects()) grants += index.whatCan(s).size();
        int secretReaders = index.whoCanSomewhere(dev.kubeward.engine.rbac.permission.Request.of("get", "", "secrets", null, null)).size();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(grants).isEqualTo(2500 * 2 * 4);
        assertThat(secretReaders).isPositive();
        assertThat(millis).isLessThan(2000);
    }

    @Test
    void everyRbacRuleAndTheGraphStayLinearOnALargeCluster() {
        analyse(cluster(250, 200));
        long start = System.nanoTime();
        int violations = analyse(cluster(2500, 2000));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(violations).isPositive();
        // about 0.7 s on an idle machine; the bound only catches quadratic regressions on a busy CI runner
        assertThat(millis).isLessThan(10_000);
    }

    private static int analyse(List<KubeObject> objects) {
        SnapshotIndex snapshot = SnapshotIndex.of(objects);
        RbacIndex index = RbacIndex.of(snapshot);
        RuleContext ctx = new RuleContext(snapshot, ControlInputs.defaults());
        int violations = 0;
        for (Rule rule : RbacRules.all()) if (rule instanceof SnapshotRule sr) violations += sr.evaluate(ctx).violations().size();
        RbacGraph graph = RbacGraph.of(snapshot);
        assertThat(index.grants()).hasSize(objects.stream().filter(o -> o.kind().equals("Role")).count() == 0 ? 0
                : (int) objects.stream().filter(o -> o.kind().equals("RoleBinding")).count() * 2 * 4);
        assertThat(graph.graph().vertexSet()).isNotEmpty();
        return violations;
    }

    private static List<KubeObject> cluster(int bindings, int workloads) {
        List<KubeObject> objects = new ArrayList<>();
        String[] resources = {"pods", "secrets", "configmaps", "deployments", "services", "pods/exec", "*"};
        for (int i = 0; i < bindings; i++) {
            String ns = "ns" + (i % 100);
            ObjectNode role = obj("Role", ns, "role" + i);
            ArrayNode rules = role.putArray("rules");
            for (int r = 0; r < 4; r++) {
                ObjectNode rule = rules.addObject();
                rule.putArray("apiGroups").add(r % 2 == 0 ? "" : "apps");
                rule.putArray("resources").add(resources[(i + r) % resources.length]);
                rule.putArray("verbs").add("get").add(r == 3 ? "create" : "list");
            }
            objects.add(KubeObject.of(role));
            ObjectNode rb = obj("RoleBinding", ns, "rb" + i);
            rb.putObject("roleRef").put("kind", "Role").put("name", "role" + i).put("apiGroup", "rbac.authorization.k8s.io");
            ArrayNode subjects = rb.putArray("subjects");
            subjects.addObject().put("kind", "ServiceAccount").put("name", "sa" + (i % 20)).put("namespace", ns);
            subjects.addObject().put("kind", "User").put("name", "user" + (i % 300));
            objects.add(KubeObject.of(rb));
        }
        for (int i = 0; i < workloads; i++) {
            ObjectNode pod = obj("Pod", "ns" + (i % 100), "pod" + i);
            pod.putObject("spec").put("serviceAccountName", "sa" + (i % 20)).putArray("containers").addObject().put("name", "c");
            objects.add(KubeObject.of(pod));
        }
        return objects;
    }

    private static ObjectNode obj(String kind, String ns, String name) {
        ObjectNode o = M.createObjectNode();
        o.put("apiVersion", kind.equals("Pod") ? "v1" : "rbac.authorization.k8s.io/v1").put("kind", kind);
        o.putObject("metadata").put("name", name).put("namespace", ns);
        return o;
    }
}
