package dev.kubeward.api.vuln;

import dev.kubeward.api.query.BadRequestException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The image list: every image the tenant runs (and every uploaded SBOM), with where it runs and its risk. */
@Service
public class ImageQueries {

    /** Sort orders of the list; {@code risk} is act-now pairs, then criticals, highs and reach. */
    public static final Map<String, String> SORTS = Map.of(
            "risk", "act_now DESC, critical DESC, high DESC, plan DESC, workloads DESC, image",
            "critical", "critical DESC, high DESC, workloads DESC, image",
            "workloads", "workloads DESC, act_now DESC, image",
            "image", "image",
            "last-seen", "last_seen DESC NULLS LAST, image");

    private static final String LIST = """
            WITH uses AS (
                SELECT w.image, max(w.digest) AS digest, array_agg(DISTINCT w.reference) AS refs, array_agg(DISTINCT c.name) AS clusters,
                       array_agg(DISTINCT c.provider) AS clouds, array_agg(DISTINCT w.namespace) AS namespaces,
                       count(DISTINCT (w.cluster_id, w.kind, w.namespace, w.name)) AS workloads, min(w.first_seen) AS first_seen,
                       max(w.last_seen) AS last_seen
                  FROM image_workloads w JOIN clusters c ON c.tenant_id = w.tenant_id AND c.id = w.cluster_id
                 WHERE w.tenant_id = ? AND (?::uuid IS NULL OR w.cluster_id = ?::uuid) AND (?::text IS NULL OR w.namespace = ?::text)
                 GROUP BY w.image
            ),
            images AS (
                SELECT * FROM uses
                UNION ALL
                SELECT s.digest, s.digest, ARRAY[]::text[], ARRAY[]::text[], ARRAY[]::text[], ARRAY[]::text[], 0, NULL::timestamptz, NULL::timestamptz
                  FROM image_sboms s
                 WHERE s.tenant_id = ? AND ?::uuid IS NULL AND ?::text IS NULL AND NOT EXISTS (SELECT 1 FROM uses u WHERE u.digest = s.digest)
            ),
            vulns AS (
                SELECT digest, count(DISTINCT cve) FILTER (WHERE severity = 'critical') AS critical,
                       count(DISTINCT cve) FILTER (WHERE severity = 'high') AS high, count(DISTINCT cve) FILTER (WHERE severity = 'medium') AS medium,
                       count(DISTINCT cve) FILTER (WHERE severity = 'low') AS low,
                       count(DISTINCT cve) FILTER (WHERE severity IN ('none', 'unknown')) AS unknown,
                       count(DISTINCT cve) FILTER (WHERE fixed_version IS NOT NULL) AS fixable,
                       count(DISTINCT cve) FILTER (WHERE kev_date_added IS NOT NULL) AS exploited
                  FROM image_vulnerabilities WHERE tenant_id = ? GROUP BY digest
            ),
            buckets AS (
                SELECT digest, count(*) FILTER (WHERE bucket = 'act-now') AS act_now, count(*) FILTER (WHERE bucket = 'plan') AS plan,
                       count(*) FILTER (WHERE bucket = 'watch') AS watch
                  FROM workload_vulnerabilities
                 WHERE tenant_id = ? AND (?::uuid IS NULL OR cluster_id = ?::uuid) AND (?::text IS NULL OR namespace = ?::text)
                 GROUP BY digest
            )
            SELECT i.*, s.digest IS NOT NULL AS has_sbom, s.analysed_at,
                   coalesce(v.critical, 0) AS critical, coalesce(v.high, 0) AS high, coalesce(v.medium, 0) AS medium, coalesce(v.low, 0) AS low,
                   coalesce(v.unknown, 0) AS unknown, coalesce(v.fixable, 0) AS fixable, coalesce(v.exploited, 0) AS exploited,
                   coalesce(b.act_now, 0) AS act_now, coalesce(b.plan, 0) AS plan, coalesce(b.watch, 0) AS watch
              FROM images i
              LEFT JOIN image_sboms s ON s.tenant_id = ? AND s.digest = i.digest
              LEFT JOIN vulns v ON v.digest = i.digest
              LEFT JOIN buckets b ON b.digest = i.digest
             WHERE (?::text IS NULL OR i.digest = ?::text)
               AND (NOT ?::boolean OR coalesce(v.fixable, 0) > 0)
            """;

    private final JdbcTemplate jdbc;

    public ImageQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Filters of the list; any may be null. */
    public record Filter(UUID cluster, String namespace, String digest, boolean fixableOnly, String sort, int limit) {
    }

    public List<ImageSummary> list(UUID tenant, Filter f) {
        String order = SORTS.get(f.sort() == null ? "risk" : f.sort());
        if (order == null) throw new BadRequestException("sort must be one of " + SORTS.keySet());
        int limit = Math.max(1, Math.min(f.limit() <= 0 ? 500 : f.limit(), 5000));
        return jdbc.query(LIST + " ORDER BY " + order + " LIMIT " + limit, (rs, i) -> row(rs),
                tenant, f.cluster(), f.cluster(), f.namespace(), f.namespace(),
                tenant, f.cluster(), f.namespace(),
                tenant,
                tenant, f.cluster(), f.cluster(), f.namespace(), f.namespace(),
                tenant, f.digest(), f.digest(), f.fixableOnly());
    }

    private static ImageSummary row(ResultSet rs) throws SQLException {
        return new ImageSummary(rs.getString("image"), rs.getString("digest"), strings(rs.getArray("refs")), strings(rs.getArray("clusters")),
                strings(rs.getArray("clouds")), strings(rs.getArray("namespaces")), rs.getInt("workloads"), instant(rs.getTimestamp("first_seen")),
                instant(rs.getTimestamp("last_seen")), rs.getBoolean("has_sbom"), instant(rs.getTimestamp("analysed_at")),
                new ImageSummary.Severities(rs.getInt("critical"), rs.getInt("high"), rs.getInt("medium"), rs.getInt("low"), rs.getInt("unknown")),
                rs.getInt("fixable"), rs.getInt("exploited"), new ImageSummary.Buckets(rs.getInt("act_now"), rs.getInt("plan"), rs.getInt("watch")));
    }

    static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.stream((Object[]) a.getArray()).filter(o -> o != null).map(Object::toString).sorted().toList();
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
