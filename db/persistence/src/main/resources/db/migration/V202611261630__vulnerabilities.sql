-- Image vulnerabilities (issue 8). Forward-only.
-- Advisories (OSV records, the CISA KEV catalogue, EPSS scores) are public reference data shared by every
-- tenant: no tenant_id, no row-level security. Everything about a tenant's images is tenant data with
-- tenant_id NOT NULL and the same RLS policy as the core schema.

-- One OSV record per id, with the SHA-256 of the JSON it was imported from: a re-import of the same file is
-- a no-op (the upsert only writes when the hash differs).
CREATE TABLE vuln_advisories (
    id          text PRIMARY KEY,
    sha256      text NOT NULL,
    modified    text NOT NULL DEFAULT '',
    body        text NOT NULL,
    imported_at timestamptz NOT NULL DEFAULT now()
);

-- The last imported KEV catalogue and EPSS file (whole documents, read with the engine's loaders), and the
-- hash of the last OSV bundle (a fast path: the same bundle again is skipped before any record is read).
CREATE TABLE vuln_feeds (
    feed        text PRIMARY KEY CHECK (feed IN ('osv', 'kev', 'epss')),
    sha256      text NOT NULL,
    version     text NOT NULL DEFAULT '',
    entries     integer NOT NULL,
    document    bytea,
    imported_at timestamptz NOT NULL
);

-- Counts changes of the advisory data; an image analysed at an older generation is analysed again.
CREATE TABLE vuln_generation (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    generation bigint NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO vuln_generation (singleton, generation) VALUES (true, 0);

GRANT SELECT, INSERT, UPDATE ON vuln_advisories, vuln_feeds TO kubeward_app;
GRANT SELECT, UPDATE ON vuln_generation TO kubeward_app;

-- Which image runs where: one row per (cluster, owning workload, container, image), derived from the
-- `resources` table after each scan. `image` is the digest when the kubelet resolved one, else the reference.
CREATE TABLE image_workloads (
    tenant_id   uuid NOT NULL,
    cluster_id  uuid NOT NULL,
    image       text NOT NULL,
    digest      text,
    reference   text NOT NULL,
    api_version text NOT NULL DEFAULT '',
    kind        text NOT NULL,
    namespace   text NOT NULL DEFAULT '',
    name        text NOT NULL,
    container   text NOT NULL,
    first_seen  timestamptz NOT NULL,
    last_seen   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, cluster_id, kind, namespace, name, container, image),
    FOREIGN KEY (tenant_id, cluster_id) REFERENCES clusters (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX image_workloads_by_image ON image_workloads (tenant_id, image);
CREATE INDEX image_workloads_by_digest ON image_workloads (tenant_id, digest);

-- One SBOM per image digest per tenant, however many workloads run it. `analyses` counts matching runs:
-- a digest is matched once per advisory generation, not once per workload or cluster.
CREATE TABLE image_sboms (
    tenant_id           uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    digest              text NOT NULL,
    format              text NOT NULL,
    sha256              text NOT NULL,
    document            bytea NOT NULL,
    components          integer NOT NULL,
    uploaded_by         text NOT NULL,
    uploaded_at         timestamptz NOT NULL,
    analysed_generation bigint,
    analysed_at         timestamptz,
    analyses            integer NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, digest)
);

CREATE TABLE image_components (
    tenant_id     uuid NOT NULL,
    digest        text NOT NULL,
    idx           integer NOT NULL,
    name          text NOT NULL,
    version       text NOT NULL DEFAULT '',
    purl          text,
    ecosystem     text,
    match_name    text,
    match_version text,
    release       text NOT NULL DEFAULT '',
    PRIMARY KEY (tenant_id, digest, idx),
    FOREIGN KEY (tenant_id, digest) REFERENCES image_sboms (tenant_id, digest) ON DELETE CASCADE
);

-- What matching found for a digest: one row per (advisory, package), with the signals as of the analysis.
CREATE TABLE image_vulnerabilities (
    tenant_id      uuid NOT NULL,
    digest         text NOT NULL,
    advisory_id    text NOT NULL,
    cve            text NOT NULL,
    ecosystem      text NOT NULL,
    package        text NOT NULL,
    version        text NOT NULL,
    fixed_version  text,
    severity       text NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low', 'none', 'unknown')),
    cvss           double precision,
    kev_date_added text,
    epss           double precision,
    rce            boolean NOT NULL DEFAULT false,
    summary        text NOT NULL DEFAULT '',
    PRIMARY KEY (tenant_id, digest, advisory_id, ecosystem, package, version),
    FOREIGN KEY (tenant_id, digest) REFERENCES image_sboms (tenant_id, digest) ON DELETE CASCADE
);
CREATE INDEX image_vulnerabilities_by_cve ON image_vulnerabilities (tenant_id, cve);

-- CVE × workload with its bucket and the reasons, recomputed per cluster after each scan and each analysis.
CREATE TABLE workload_vulnerabilities (
    tenant_id     uuid NOT NULL,
    cluster_id    uuid NOT NULL,
    kind          text NOT NULL,
    namespace     text NOT NULL DEFAULT '',
    name          text NOT NULL,
    digest        text NOT NULL,
    cve           text NOT NULL,
    severity      text NOT NULL,
    bucket        text NOT NULL CHECK (bucket IN ('act-now', 'plan', 'watch')),
    reasons       text[] NOT NULL DEFAULT '{}',
    fixed_version text,
    computed_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, cluster_id, kind, namespace, name, digest, cve),
    FOREIGN KEY (tenant_id, cluster_id) REFERENCES clusters (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX workload_vulnerabilities_by_cve ON workload_vulnerabilities (tenant_id, cve);
CREATE INDEX workload_vulnerabilities_by_digest ON workload_vulnerabilities (tenant_id, digest);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['image_workloads', 'image_sboms', 'image_components', 'image_vulnerabilities', 'workload_vulnerabilities']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = NULLIF(current_setting(''kubeward.tenant_id'', true), '''')::uuid)'
                       || ' WITH CHECK (tenant_id = NULLIF(current_setting(''kubeward.tenant_id'', true), '''')::uuid)', t);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO kubeward_app', t);
    END LOOP;
END
$$;
