package dev.kubeward.engine.rbac.graph;

import dev.kubeward.engine.model.ObjectRef;
import dev.kubeward.engine.rbac.permission.Subject;
import org.jgrapht.GraphPath;
import org.junit.jupiter.api.Test;

import static dev.kubeward.engine.rbac.RbacFixtures.clusterRole;
import static dev.kubeward.engine.rbac.RbacFixtures.clusterRoleBinding;
import static dev.kubeward.engine.rbac.RbacFixtures.roleBinding;
import static dev.kubeward.engine.rbac.RbacFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

class RbacGraphTest {

    private static final String POD = "{apiVersion: v1, kind: Pod, metadata: {name: web, namespace: app}, spec: {serviceAccountName: web, "
            + "containers: [{name: c, image: nginx}]}}";

    @Test
    void workloadReachesAdminThroughPodCreationInAPrivilegedNamespace() {
        RbacGraph g = RbacGraph.of(snapshot(POD,
                clusterRole("pod-maker", "[{verbs: [create], apiGroups: [''], resources: [pods]}]"),
                roleBinding("kube-system", "web-makes-pods", "ClusterRole", "pod-maker", "ServiceAccount:app/web"),
                clusterRole("cluster-admin", "[{verbs: ['*'], apiGroups: ['*'], resources: ['*']}]"),
                clusterRoleBinding("ops", "cluster-admin", "ServiceAccount:kube-system/ops")));
        GraphPath<GraphNode, GraphEdge> path = g.pathToAdmin(new ObjectRef("v1", "Pod", "app", "web")).orElseThrow();
        assertThat(path.getEdgeList()).extracting(GraphEdge::toString)
                .containsExactly("RUNS_AS", "CAN_BECOME(R15)", "CONTAINS", "IS_ADMIN(R01)");
        assertThat(path.getVertexList().get(3)).isEqualTo(GraphNode.of(Subject.serviceAccount("kube-system", "ops")));
    }

    @Test
    void noPathWhenTheTokenIsNotMountedOrTheGrantIsElsewhere() {
        String pod = POD.replace("serviceAccountName: web,", "serviceAccountName: web, automountServiceAccountToken: false,");
        RbacGraph g = RbacGraph.of(snapshot(pod,
                clusterRole("pod-maker", "[{verbs: [create], apiGroups: [''], resources: [pods]}]"),
                roleBinding("kube-system", "b", "ClusterRole", "pod-maker", "ServiceAccount:app/web"),
                clusterRole("cluster-admin", "[{verbs: ['*'], apiGroups: ['*'], resources: ['*']}]"),
                clusterRoleBinding("ops", "cluster-admin", "ServiceAccount:kube-system/ops")));
        assertThat(g.pathToAdmin(new ObjectRef("v1", "Pod", "app", "web"))).isEmpty();
        assertThat(g.pathToAdmin(Subject.serviceAccount("app", "web"))).isPresent();
    }

    @Test
    void impersonatingGroupsLeadsToSystemMasters() {
        RbacGraph g = RbacGraph.of(snapshot(clusterRole("imp", "[{verbs: [impersonate], apiGroups: [''], resources: [groups]}]"),
                clusterRoleBinding("b", "imp", "User:mallory")));
        assertThat(g.pathToAdmin(Subject.user("mallory")).orElseThrow().getLength()).isEqualTo(2);
        assertThat(g.mostPowerfulSubjects(1)).extracting(p -> p.subject().name()).containsExactly("mallory");
    }

    @Test
    void hygieneQueries() {
        RbacGraph g = RbacGraph.of(snapshot(clusterRole("orphan", "[]"),
                clusterRoleBinding("dangling", "missing", "User:a"),
                "{apiVersion: rbac.authorization.k8s.io/v1, kind: ClusterRoleBinding, metadata: {name: empty}, "
                        + "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: orphan}}"));
        assertThat(g.danglingBindings()).extracting(b -> b.name()).containsExactly("dangling");
        assertThat(g.bindingsWithoutSubjects()).extracting(b -> b.name()).containsExactly("empty");
        assertThat(g.unusedRoles()).isEmpty();
    }
}
