-- Indexes for the read API (platform-api query services: findings lists, exports, trends, cluster pages).

-- Keyset paging of findings by (severity rank, first_seen, id). NB: first_seen, not last_seen: every scan
-- bumps last_seen of every open finding, so a cursor on last_seen would skip or repeat rows while scans
-- land mid-paging; first_seen and id never change. The CASE must stay identical to FindingSql.SEVERITY_RANK.
CREATE INDEX findings_keyset ON findings (tenant_id, status,
    (CASE severity WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END), first_seen, id);
CREATE INDEX findings_keyset_cluster ON findings (tenant_id, cluster_id, status,
    (CASE severity WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END), first_seen, id);

-- Trends over all clusters of a tenant by date range.
CREATE INDEX scans_tenant_time ON scans (tenant_id, scanned_at);

-- Last rejections of a cluster (cluster page, status).
CREATE INDEX snapshot_rejections_cluster ON snapshot_rejections (tenant_id, cluster_id, at DESC);
