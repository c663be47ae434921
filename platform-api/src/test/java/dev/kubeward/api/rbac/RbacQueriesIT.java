package dev.kubeward.api.rbac;

import dev.kubeward.api.rbac.RbacAnswers.GraphNodeView;
import dev.kubeward.api.rbac.RbacAnswers.GraphView;
import dev.kubeward.db.tenancy.TenantAwareDataSource;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.engine.rbac.permission.Grant;
import dev.kubeward.engine.rbac.permission.RbacIndex;
import dev.kubeward.engine.rbac.permission.Request;
import dev.kubeward.engine.snapshot.SnapshotIndex;
import dev.kubeward.infra.postgres.PostgresConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The RBAC queries over clusters stored as the worker stores them, for two tenants on a real, migrated PostgreSQL. */
class RbacQueriesIT {

    static final UUID TENANT_A = UUID.randomUUID();
    static final UUID TENANT_B = UUID.randomUUID();
    static final UUID CLUSTER_A = UUID.randomUUID();
    static final UUID CLUSTER_B = UUID.randomUUID();

    static JdbcTemplate owner;
    static ClusterRbacs clusters;
    static RbacQueries queries;
    static GraphViews graphs;
    static NodeDetailViews details;

    @BeforeAll
    static void database() {
        PostgresConnection db = RbacTestData.migratedDatabase();
        owner = new JdbcTemplate(db.dataSource());
        RbacTestData.tenant(owner, TENANT_A, "acme");
        RbacTestData.tenant(owner, TENANT_B, "globex");
        RbacTestData.cluster(owner, TENANT_A, CLUSTER_A, "prod-eu-eks", UUID.randomUUID());
        RbacTestData.cluster(owner, TENANT_B, CLUSTER_B, "payments-gke", UUID.randomUUID());
        RbacTestData.objects(owner, TENANT_A, CLUSTER_A, RbacTestData.demoCluster());
        RbacTestData.objects(owner, TENANT_B, CLUSTER_B, RbacTestData.parse(RbacTestData.OTHER));
        RbacTestData.finding(owner, TENANT_A, CLUSTER_A, "kw-rbac-r03-bound-to-cluster-admin", "ClusterRoleBinding", "",
                "ci-deployer-admin", "grants cluster-admin");
        JdbcTemplate app = new JdbcTemplate(new TenantAwareDataSource(db.dataSource()));
        clusters = new ClusterRbacs(app, 4);
        queries = new RbacQueries(clusters);
        graphs = new GraphViews(clusters, queries);
        details = new NodeDetailViews(clusters, app);
    }

    static <T> T asA(Supplier<T> work) {
        return TenantContext.callAs(TENANT_A, work);
    }

    static <T> T asB(Supplier<T> work) {
        return TenantContext.callAs(TENANT_B, work);
    }

    @ParameterizedTest(name = "{0} {1}/{2} in ''{3}''")
    @CsvSource({
            "get, '', secrets, ''",
            "list, '', secrets, kube-system",
            "create, '', pods, kube-system",
            "get, '', secrets, apps",
            "impersonate, '', users, ''",
            "get, '', nodes/proxy, ''",
            "create, rbac.authorization.k8s.io, clusterrolebindings, ''",
            "delete, apps, deployments, apps"})
    void whoCanAnswersWhatTheEngineAnswersOnTheSameObjects(String verb, String group, String resource, String namespace) {
        var answer = asA(() -> queries.whoCan(CLUSTER_A, verb, group, resource, null, namespace, null));
        RbacIndex engine = RbacIndex.build(SnapshotIndex.of(RbacTestData.demoCluster()));
        List<Grant> expected = engine.whoCan(Request.of(verb, group, resource, namespace.isEmpty() ? null : namespace, null));
        assertThat(answer.grants()).extracting(g -> g.subject().id() + " | " + g.binding().id() + " | " + g.role().id() + " | " + g.rule().index())
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(g -> NodeIds.of(g.subject()) + " | " + NodeIds.of(g.binding()) + " | "
                        + NodeIds.of(g.role()) + " | " + g.ruleIndex()).toList());
        assertThat(answer.alwaysAllowedGroups()).containsExactly("system:masters");
    }

    @Test
    void whoCanGetSecretsClusterWideNamesCiDeployerThroughItsBindingToClusterAdmin() {
        var answer = asA(() -> queries.whoCan(CLUSTER_A, "get", "", "secrets", null, null, null));
        assertThat(answer.scope()).isEqualTo("cluster-wide");
        assertThat(answer.grants()).anySatisfy(g -> {
            assertThat(g.subject().id()).isEqualTo("sa:kube-system/ci-deployer");
            assertThat(g.binding().id()).isEqualTo("crb:ci-deployer-admin");
            assertThat(g.role().id()).isEqualTo("cr:cluster-admin");
            assertThat(g.rule().risks()).extracting(RbacAnswers.RiskBadge::id).contains("R01");
            assertThat(g.risk()).isEqualTo("critical");
        });
        // alice's edit is a RoleBinding in apps: not cluster-wide
        assertThat(answer.grants()).noneMatch(g -> g.subject().name().equals("alice"));
    }

    @Test
    void whatCanIncludesTheGrantsOfTheSubjectsImplicitGroups() {
        var answer = asA(() -> queries.whatCan(CLUSTER_A, "User", "alice", null));
        assertThat(answer.grants()).extracting(g -> g.binding().id()).contains("crb:alice-view", "rb:apps/alice-edit",
                "crb:system:basic-user");
        // edit in apps creates pods as apps/web, which creates pods in kube-system as ci-deployer, bound to cluster-admin
        assertThat(answer.hopsToAdmin()).isNotNull().isGreaterThan(2);
    }

    @Test
    void aWorkloadReachesClusterAdminInTwoStepsThroughPodCreationInKubeSystem() {
        var path = asA(() -> queries.pathToAdmin(CLUSTER_A, "Deployment", "web", "apps"));
        assertThat(path.reachesAdmin()).isTrue();
        assertThat(path.steps()).extracting(RbacAnswers.PathStep::edge).startsWith("RUNS_AS").endsWith("IS_ADMIN");
        assertThat(path.steps()).anySatisfy(s -> {
            assertThat(s.rule()).isEqualTo("R15");
            assertThat(s.evidence()).extracting(g -> g.binding().id()).containsExactly("rb:kube-system/web-pod-creator");
        });
        assertThat(path.steps().get(path.steps().size() - 1).to().id()).isEqualTo(NodeIds.ADMIN);
    }

    @Test
    void aPodOwnedByNothingAndRunningAsDefaultHasNoPath() {
        var path = asA(() -> queries.pathToAdmin(CLUSTER_A, "Pod", "debug-shell", "default"));
        assertThat(path.reachesAdmin()).isFalse();
        assertThat(path.steps()).isEmpty();
        assertThatThrownBy(() -> asA(() -> queries.pathToAdmin(CLUSTER_A, "Pod", "nope", "default"))).isInstanceOf(RbacNotFound.class);
    }

    @Test
    void cleanUpListsNameTheUsersOwnProblemsAndNoDefaults() {
        assertThat(asA(() -> queries.unusedRoles(CLUSTER_A))).extracting(u -> u.role().id()).contains("role:apps/orphan")
                .allSatisfy(id -> assertThat(id).doesNotStartWith("cr:system:"));
        assertThat(asA(() -> queries.danglingBindings(CLUSTER_A))).extracting(i -> i.binding().id() + " " + i.problem())
                .containsExactlyInAnyOrder("rb:apps/ghost missing-role", "rb:apps/robot-binding missing-service-account");
        assertThat(asA(() -> queries.subjectlessBindings(CLUSTER_A))).extracting(i -> i.binding().id()).containsExactly("rb:apps/empty");
    }

    @Test
    void mostPowerfulSubjectsPutAdminsFirstAndHideDefaults() {
        var rows = asA(() -> queries.mostPowerful(CLUSTER_A, 5, true));
        assertThat(rows.get(0).subject().id()).isEqualTo("sa:kube-system/ci-deployer");
        assertThat(rows.get(0).hopsToAdmin()).isEqualTo(1);
        assertThat(rows).extracting(r -> r.subject().id()).contains("sa:apps/web").doesNotContain("user:system:kube-controller-manager");
    }

    @Test
    void tenantBSeesNothingOfTenantA() {
        assertThat(asB(() -> clusters.clusters())).extracting(ClusterRbacs.ClusterRow::id).containsExactly(CLUSTER_B);
        assertThatThrownBy(() -> asB(() -> queries.whoCan(CLUSTER_A, "get", "", "secrets", null, null, null))).isInstanceOf(RbacNotFound.class);
        assertThatThrownBy(() -> asB(() -> graphs.view(CLUSTER_A, query(null, 300)))).isInstanceOf(RbacNotFound.class);
        assertThatThrownBy(() -> asB(() -> details.details(CLUSTER_A, "crb:ci-deployer-admin"))).isInstanceOf(RbacNotFound.class);
        var everywhere = asB(() -> queries.everywhere("User", "alice", null));
        assertThat(everywhere.clusters()).extracting(RbacAnswers.ClusterGrants::clusterId).containsExactly(CLUSTER_B);
        assertThat(everywhere.clusters().get(0).grants()).extracting(g -> g.binding().id()).containsExactly("crb:alice-reader");
        // row-level security is the second wall: even a query without the tenant filter sees none of A's objects
        Integer leaked = asB(() -> new JdbcTemplate(new TenantAwareDataSource(owner.getDataSource()))
                .queryForObject("SELECT count(*) FROM resources WHERE cluster_id = ?", Integer.class, CLUSTER_A));
        assertThat(leaked).isZero();
    }

    @Test
    void everythingAliceCanDoAnywhereListsEveryClusterOfTheTenant() {
        var answer = asA(() -> queries.everywhere("User", "alice", null));
        assertThat(answer.clusters()).singleElement().satisfies(c -> {
            assertThat(c.clusterName()).isEqualTo("prod-eu-eks");
            assertThat(c.grants()).extracting(g -> g.binding().id()).contains("crb:alice-view", "rb:apps/alice-edit");
        });
    }

    @Test
    void theGraphStaysWithinItsBudgetAndCollapsesTheRestIntoAggregatesThatExpand() {
        GraphView all = asA(() -> graphs.view(CLUSTER_A, query(null, 3000)));
        GraphView small = asA(() -> graphs.view(CLUSTER_A, query(null, 40)));
        assertThat(small.nodes().size()).isLessThanOrEqualTo(40);
        assertThat(small.matchedBindings()).isEqualTo(all.matchedBindings());
        assertThat(small.shownBindings() + small.collapsedBindings()).isEqualTo(small.matchedBindings());
        List<GraphNodeView> aggregates = small.nodes().stream().filter(n -> n.kind().equals("Aggregate")).toList();
        assertThat(aggregates).isNotEmpty();
        assertThat(aggregates.stream().mapToInt(GraphNodeView::count).sum()).isEqualTo(small.collapsedBindings());
        // worst first: the binding to cluster-admin is never the one collapsed
        assertThat(small.nodes()).extracting(GraphNodeView::id).contains("crb:ci-deployer-admin");
        GraphView expanded = asA(() -> graphs.expand(CLUSTER_A, aggregates.get(0).id(), query(null, 40), 0));
        assertThat(expanded.shownBindings()).isPositive();
        assertThat(expanded.nodes().size()).isLessThanOrEqualTo(40);
    }

    @Test
    void graphFiltersByNamespaceSubjectKindRiskAndDefaults() {
        GraphView apps = asA(() -> graphs.view(CLUSTER_A, new GraphQuery("apps", null, RiskLevel.NONE, true, null, 300)));
        assertThat(apps.nodes()).extracting(GraphNodeView::id).contains("rb:apps/alice-edit", "rb:apps/devs-secrets")
                .doesNotContain("crb:alice-view");
        GraphView groups = asA(() -> graphs.view(CLUSTER_A, new GraphQuery(null, dev.kubeward.engine.rbac.permission.Subject.Kind.Group,
                RiskLevel.HIGH, true, null, 300)));
        assertThat(groups.nodes()).filteredOn(n -> n.column() == 0).extracting(GraphNodeView::kind).containsOnly("Group");
        assertThat(groups.nodes()).filteredOn(n -> n.column() == 1).allSatisfy(n -> assertThat(n.risk()).isIn("high", "critical"));
        assertThat(groups.nodes()).noneMatch(GraphNodeView::builtIn);
    }

    @Test
    void nodeDetailsShowRulesGrantsAndFindings() {
        var binding = asA(() -> details.details(CLUSTER_A, "crb:ci-deployer-admin"));
        assertThat(binding.risk()).isEqualTo("critical");
        assertThat(binding.findings()).extracting(RbacAnswers.FindingRow::controlId).containsExactly("kw-rbac-r03-bound-to-cluster-admin");
        assertThat(binding.rules()).isNotEmpty();
        var sa = asA(() -> details.details(CLUSTER_A, "sa:apps/web"));
        assertThat(sa.hopsToAdmin()).isNotNull();
        assertThat(sa.grants()).extracting(g -> g.binding().id()).contains("rb:kube-system/web-pod-creator");
    }

    @Test
    void theCacheKeepsOneBuildPerScanAndRebuildsAfterTheNextScan() {
        ClusterRbac first = asA(() -> clusters.of(CLUSTER_A));
        assertThat(asA(() -> clusters.of(CLUSTER_A))).isSameAs(first);
        owner.update("UPDATE clusters SET last_scan_id = ? WHERE id = ?", UUID.randomUUID(), CLUSTER_A);
        assertThat(asA(() -> clusters.of(CLUSTER_A))).isNotSameAs(first);
    }

    private static GraphQuery query(String namespace, int budget) {
        return new GraphQuery(namespace, null, RiskLevel.NONE, false, null, budget);
    }
}
