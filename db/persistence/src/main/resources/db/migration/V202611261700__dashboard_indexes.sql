-- Indexes for the dashboard pages at 500 clusters / 3M findings (DashboardBenchmark, docs/benchmarks.md).

-- Control page: the control's failing resources, most severe and newest first (FindingQueries.page with one
-- control; the CASE must stay identical to FindingSql.SEVERITY_RANK), and its filter choices: distinct kinds and
-- namespaces as loose index scans (ControlEvidence), one probe per value instead of reading every open finding.
CREATE INDEX findings_control_keyset ON findings (tenant_id, control_id, status,
    (CASE severity WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END), first_seen, id);
CREATE INDEX findings_control_kind ON findings (tenant_id, control_id, status, kind);
CREATE INDEX findings_control_namespace ON findings (tenant_id, control_id, status, namespace);

-- Overview: the newest open findings of one severity (newest critical), ORDER BY first_seen DESC, id DESC.
CREATE INDEX findings_newest_by_severity ON findings (tenant_id, status, severity, first_seen, id);

-- Every compliance number sums the control summaries of each cluster's last scan (~335 rows per scan; a framework's
-- controls only on the framework page): the primary key's columns, covering, so the rows come from the index alone
-- instead of a scan of every summary of every day.
CREATE INDEX scan_control_summaries_covering ON scan_control_summaries (tenant_id, scan_id, control_id)
    INCLUDE (status, failed, passed, excepted);
