package dev.kubeward.api.vuln.internal;

import dev.kubeward.engine.vuln.Ecosystem;
import dev.kubeward.engine.vuln.PackageRef;
import dev.kubeward.engine.vuln.sbom.Component;
import dev.kubeward.engine.vuln.sbom.Sbom;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/** {@code image_sboms} and {@code image_components}: one SBOM per digest per tenant, and its analysis bookkeeping. */
@org.springframework.stereotype.Component
public class SbomStore {

    private final JdbcTemplate jdbc;

    public SbomStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores an SBOM; false (and nothing written) when the same document is stored for the digest already. */
    public boolean save(UUID tenant, String digest, Sbom sbom, byte[] document, String sha256, String actor, Instant at) {
        List<String> stored = jdbc.queryForList("SELECT sha256 FROM image_sboms WHERE tenant_id = ? AND digest = ? FOR UPDATE", String.class,
                tenant, digest);
        if (stored.contains(sha256)) return false;
        jdbc.update("DELETE FROM image_sboms WHERE tenant_id = ? AND digest = ?", tenant, digest);
        jdbc.update("""
                INSERT INTO image_sboms (tenant_id, digest, format, sha256, document, components, uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", tenant, digest, sbom.format(), sha256, document, sbom.components().size(), actor,
                Timestamp.from(at));
        List<Component> cs = sbom.components();
        List<Integer> indices = java.util.stream.IntStream.range(0, cs.size()).boxed().toList();
        jdbc.batchUpdate("""
                INSERT INTO image_components (tenant_id, digest, idx, name, version, purl, ecosystem, match_name, match_version, release)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", indices, 1000, (ps, idx) -> {
            Component c = cs.get(idx);
            PackageRef p = c.pkg();
            ps.setObject(1, tenant);
            ps.setString(2, digest);
            ps.setInt(3, idx);
            ps.setString(4, c.name() == null || c.name().isBlank() ? (c.purl() == null ? "?" : c.purl().name()) : c.name());
            ps.setString(5, c.version() == null ? "" : c.version());
            ps.setString(6, c.purl() == null ? null : purlText(c));
            ps.setString(7, p == null ? null : p.ecosystem().name());
            ps.setString(8, p == null ? null : p.name());
            ps.setString(9, p == null ? null : p.version());
            ps.setString(10, p == null ? "" : p.release());
        });
        return true;
    }

    /** Locks the SBOM row for analysis; empty when the tenant has no SBOM for the digest, else the analysed generation (-1: never). */
    public OptionalLong lockForAnalysis(UUID tenant, String digest) {
        List<Long> g = jdbc.query("SELECT coalesce(analysed_generation, -1) FROM image_sboms WHERE tenant_id = ? AND digest = ? FOR UPDATE",
                (rs, i) -> rs.getLong(1), tenant, digest);
        return g.isEmpty() ? OptionalLong.empty() : OptionalLong.of(g.get(0));
    }

    public List<PackageRef> packages(UUID tenant, String digest) {
        return jdbc.query("""
                SELECT DISTINCT ecosystem, match_name, match_version, release FROM image_components
                 WHERE tenant_id = ? AND digest = ? AND ecosystem IS NOT NULL""",
                (rs, i) -> new PackageRef(Ecosystem.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4)), tenant, digest);
    }

    public void markAnalysed(UUID tenant, String digest, long generation, Instant at) {
        jdbc.update("""
                UPDATE image_sboms SET analysed_generation = ?, analysed_at = ?, analyses = analyses + 1
                 WHERE tenant_id = ? AND digest = ?""", generation, Timestamp.from(at), tenant, digest);
    }

    /** Digests with an SBOM whose analysis is older than {@code generation}. */
    public List<String> stale(UUID tenant, long generation) {
        return jdbc.queryForList("""
                SELECT digest FROM image_sboms WHERE tenant_id = ? AND coalesce(analysed_generation, -1) <> ? ORDER BY digest""",
                String.class, tenant, generation);
    }

    private static String purlText(Component c) {
        var p = c.purl();
        return "pkg:" + p.type() + "/" + (p.namespace() == null ? "" : p.namespace() + "/") + p.name() + (p.version() == null ? "" : "@" + p.version());
    }
}
