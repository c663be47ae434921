package dev.kubeward.api.demo;

import dev.kubeward.api.demo.DemoDefinition.DemoCluster;
import dev.kubeward.api.demo.DemoDefinition.DemoTenant;
import dev.kubeward.api.demo.DemoDefinition.DemoUser;
import dev.kubeward.api.support.KubewardIT;
import dev.kubeward.db.tenancy.TenantContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Seeding is all or nothing, so an interrupted first start seeds cleanly on the next one. */
@KubewardIT
class DemoSeederIT {

    @Autowired
    DemoSeeder seeder;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dataDir;

    @Test
    void aSeedingThatFailsHalfwayLeavesNoTenantNoAccountAndNoFileBehind() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        DemoUser alice = new DemoUser("alice-" + run, "Alice", "alice-" + run + "@example.com", "admin");
        // the second tenant reuses the first one's login, which the database refuses after the first tenant is in
        DemoDefinition broken = new DemoDefinition(List.of(tenant("one-" + run, alice), tenant("two-" + run, alice)));

        assertThatThrownBy(() -> seeder.seed(broken, dataDir, "http://localhost")).isInstanceOf(DataIntegrityViolationException.class);

        assertThat(count("SELECT count(*) FROM tenants WHERE slug IN (?, ?)", "one-" + run, "two-" + run)).isZero();
        assertThat(count("SELECT count(*) FROM local_accounts WHERE username = ?", alice.username())).isZero();
        assertThat(count("SELECT count(*) FROM clusters WHERE name = ?", "cluster-one-" + run)).isZero();
        assertThat(seeder.alreadySeeded(dataDir)).isFalse();
        assertThat(dataDir.resolve("demo-credentials.json")).doesNotExist();

        DemoUser bob = new DemoUser("bob-" + run, "Bob", "bob-" + run + "@example.com", "viewer");
        DemoDefinition fixed = new DemoDefinition(List.of(tenant("one-" + run, alice), tenant("two-" + run, bob)));
        List<DemoSeeder.SeededCluster> seeded = seeder.seed(fixed, dataDir, "http://localhost");

        assertThat(seeded).hasSize(2);
        assertThat(count("SELECT count(*) FROM tenants WHERE slug IN (?, ?)", "one-" + run, "two-" + run)).isEqualTo(2);
        assertThat(seeder.alreadySeeded(dataDir)).isTrue();
        assertThat(dataDir.resolve("demo-credentials.json")).exists();
        assertThat(seeder.load(fixed, dataDir)).extracting(DemoSeeder.SeededCluster::clusterId)
                .containsExactlyElementsOf(seeded.stream().map(DemoSeeder.SeededCluster::clusterId).toList());
        try (var files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".pending"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static DemoTenant tenant(String slug, DemoUser user) {
        return new DemoTenant(slug, "Tenant " + slug, List.of(user),
                List.of(new DemoCluster("cluster-" + slug, "eks", "eu-west-1", "v1.31.2", 3, List.of(), List.of())));
    }

    private int count(String sql, Object... args) {
        Integer n = TenantContext.callAsSystem("check what the seeding left", () -> jdbc.queryForObject(sql, Integer.class, args));
        return n == null ? 0 : n;
    }
}
