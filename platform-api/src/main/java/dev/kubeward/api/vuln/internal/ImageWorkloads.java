package dev.kubeward.api.vuln.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kubeward.api.vuln.ImageUse;
import dev.kubeward.contract.ChunkCodec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** The {@code image_workloads} table: synced from a cluster's stored objects, read by the vulnerability queries. */
@Component
public class ImageWorkloads {

    private static final String UPSERT = """
            INSERT INTO image_workloads AS w (tenant_id, cluster_id, image, digest, reference, api_version, kind, namespace, name, container,
                                              first_seen, last_seen)
            SELECT ?, ?, u.image, u.digest, u.reference, u.api_version, u.kind, u.namespace, u.name, u.container, ?, ?
              FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                   AS u(image, digest, reference, api_version, kind, namespace, name, container)
            ON CONFLICT (tenant_id, cluster_id, kind, namespace, name, container, image) DO UPDATE
               SET digest = EXCLUDED.digest, reference = EXCLUDED.reference, api_version = EXCLUDED.api_version, last_seen = EXCLUDED.last_seen
            """;

    private final JdbcTemplate jdbc;

    public ImageWorkloads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The cluster's live workload-bearing objects, as the worker last stored them. */
    public List<InventoryDerivation.StoredObject> objects(UUID tenant, UUID cluster) {
        return jdbc.query("""
                SELECT api_version, kind, namespace, name, body::text FROM resources
                 WHERE tenant_id = ? AND cluster_id = ? AND deleted_at IS NULL
                   AND kind IN ('Pod', 'ReplicaSet', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicationController')
                """, (rs, i) -> new InventoryDerivation.StoredObject(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                read(rs.getString(5))), tenant, cluster);
    }

    /** Replaces the cluster's rows by {@code uses}; rows seen before keep their {@code first_seen}. */
    public void sync(UUID tenant, UUID cluster, List<ImageUse> uses, Instant at) {
        Timestamp ts = Timestamp.from(at);
        for (int from = 0; from < uses.size(); from += 1000) {
            List<ImageUse> slice = uses.subList(from, Math.min(uses.size(), from + 1000));
            jdbc.update(con -> {
                var ps = con.prepareStatement(UPSERT);
                int p = 1;
                ps.setObject(p++, tenant);
                ps.setObject(p++, cluster);
                ps.setTimestamp(p++, ts);
                ps.setTimestamp(p++, ts);
                for (Function<ImageUse, String> column : COLUMNS) {
                    ps.setArray(p++, con.createArrayOf("text", slice.stream().map(column).toArray()));
                }
                return ps;
            });
        }
        jdbc.update("DELETE FROM image_workloads WHERE tenant_id = ? AND cluster_id = ? AND last_seen < ?", tenant, cluster, ts);
    }

    /** Distinct resolved digests the cluster runs. */
    public List<String> digests(UUID tenant, UUID cluster) {
        return jdbc.queryForList("SELECT DISTINCT digest FROM image_workloads WHERE tenant_id = ? AND cluster_id = ? AND digest IS NOT NULL",
                String.class, tenant, cluster);
    }

    /** Clusters running a digest. */
    public List<UUID> clustersRunning(UUID tenant, String digest) {
        return jdbc.queryForList("SELECT DISTINCT cluster_id FROM image_workloads WHERE tenant_id = ? AND digest = ?", UUID.class, tenant, digest);
    }

    private static final List<Function<ImageUse, String>> COLUMNS = List.of(ImageUse::image, ImageUse::digest, ImageUse::reference,
            u -> u.apiVersion() == null ? "" : u.apiVersion(), ImageUse::kind, u -> u.namespace() == null ? "" : u.namespace(), ImageUse::name,
            ImageUse::container);

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return ChunkCodec.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored resource body is not JSON", e);
        }
    }
}
