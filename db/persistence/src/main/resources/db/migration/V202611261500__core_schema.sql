-- Kubeward core schema. Forward-only. Every tenant table carries tenant_id NOT NULL, its uniques and
-- foreign keys include it, and row-level security on tenant_id is the second wall behind the
-- application's own scoping (ARCHITECTURE.md, "Tenancy"). Application sessions run as the role
-- kubeward_app (SET ROLE on connection checkout) with kubeward.tenant_id set; the schema owner bypasses
-- RLS and is used only for the few lookups that must precede knowing the tenant.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kubeward_app') THEN
        CREATE ROLE kubeward_app NOLOGIN;
    END IF;
END
$$;
GRANT kubeward_app TO CURRENT_USER;

CREATE TABLE tenants (
    id          uuid PRIMARY KEY,
    slug        text NOT NULL UNIQUE,
    name        text NOT NULL,
    settings    jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- A person, identified by their OIDC issuer and subject; may belong to several tenants.
CREATE TABLE users (
    id           uuid PRIMARY KEY,
    issuer       text NOT NULL,
    subject      text NOT NULL,
    email        text,
    display_name text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_login_at timestamptz,
    UNIQUE (issuer, subject)
);

CREATE TABLE memberships (
    tenant_id  uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role       text NOT NULL CHECK (role IN ('admin', 'analyst', 'viewer')),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, user_id)
);

CREATE TABLE invitations (
    id         uuid PRIMARY KEY,
    tenant_id  uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    email      text NOT NULL,
    role       text NOT NULL CHECK (role IN ('admin', 'analyst', 'viewer')),
    invited_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    accepted_at timestamptz,
    UNIQUE (tenant_id, email)
);

-- API tokens: only a SHA-256 of the token is stored; the token is shown once.
CREATE TABLE api_tokens (
    id           uuid PRIMARY KEY,
    tenant_id    uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name         text NOT NULL,
    role         text NOT NULL CHECK (role IN ('admin', 'analyst', 'viewer')),
    token_hash   bytea NOT NULL UNIQUE,
    token_prefix text NOT NULL,
    created_by   text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    UNIQUE (tenant_id, name)
);

CREATE TABLE audit_log (
    id         bigserial PRIMARY KEY,
    tenant_id  uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    at         timestamptz NOT NULL DEFAULT now(),
    actor      text NOT NULL,
    action     text NOT NULL,
    target     text,
    details    jsonb NOT NULL DEFAULT '{}'::jsonb,
    source_ip  text
);
CREATE INDEX audit_log_tenant_at ON audit_log (tenant_id, at DESC);

-- A registered cluster. Its HMAC secret is stored encrypted (AES-GCM, key outside the database):
-- the worker must read it to verify signatures, so a hash would not do.
CREATE TABLE clusters (
    id                 uuid PRIMARY KEY,
    tenant_id          uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name               text NOT NULL,
    provider           text NOT NULL DEFAULT 'unknown',
    distribution       text,
    region             text,
    kubernetes_version text,
    node_count         integer,
    agent_version      text,
    secret_ciphertext  bytea NOT NULL,
    secret_rotated_at  timestamptz NOT NULL DEFAULT now(),
    created_at         timestamptz NOT NULL DEFAULT now(),
    last_snapshot_at   timestamptz,
    last_scan_id       uuid,
    last_rejection     text,
    last_rejection_at  timestamptz,
    UNIQUE (tenant_id, name),
    UNIQUE (tenant_id, id)
);

-- One row per snapshot an agent started sending; chunks are staged until the last one is there.
CREATE TABLE snapshots (
    id             uuid NOT NULL,
    tenant_id      uuid NOT NULL,
    cluster_id     uuid NOT NULL,
    status         text NOT NULL CHECK (status IN ('receiving', 'scanned', 'rejected', 'expired')),
    chunk_count    integer,
    chunks_received integer NOT NULL DEFAULT 0,
    object_count   integer NOT NULL DEFAULT 0,
    reason         text,
    first_chunk_at timestamptz NOT NULL DEFAULT now(),
    completed_at   timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, cluster_id) REFERENCES clusters (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX snapshots_cluster ON snapshots (tenant_id, cluster_id, first_chunk_at DESC);

CREATE TABLE snapshot_chunks (
    tenant_id   uuid NOT NULL,
    snapshot_id uuid NOT NULL,
    idx         integer NOT NULL,
    body        bytea NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, snapshot_id, idx),
    FOREIGN KEY (tenant_id, snapshot_id) REFERENCES snapshots (tenant_id, id) ON DELETE CASCADE
);

-- One evaluation of a complete snapshot.
CREATE TABLE scans (
    id               uuid NOT NULL,
    tenant_id        uuid NOT NULL,
    cluster_id       uuid NOT NULL,
    snapshot_id      uuid NOT NULL,
    scanned_at       timestamptz NOT NULL,
    object_count     integer NOT NULL,
    open_critical    integer NOT NULL DEFAULT 0,
    open_high        integer NOT NULL DEFAULT 0,
    open_medium      integer NOT NULL DEFAULT 0,
    open_low         integer NOT NULL DEFAULT 0,
    new_findings     integer NOT NULL DEFAULT 0,
    resolved_findings integer NOT NULL DEFAULT 0,
    library_version  text NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, cluster_id) REFERENCES clusters (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX scans_cluster_time ON scans (tenant_id, cluster_id, scanned_at DESC);

-- Per scan and framework: the compliance score and what produced it (trend charts read only these).
CREATE TABLE scan_framework_scores (
    tenant_id          uuid NOT NULL,
    scan_id            uuid NOT NULL,
    cluster_id         uuid NOT NULL,
    framework          text NOT NULL,
    scanned_at         timestamptz NOT NULL,
    score              numeric(6, 2),
    controls_passed    integer NOT NULL,
    controls_failed    integer NOT NULL,
    controls_na        integer NOT NULL,
    controls_external  integer NOT NULL,
    PRIMARY KEY (tenant_id, scan_id, framework),
    FOREIGN KEY (tenant_id, scan_id) REFERENCES scans (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX scan_framework_scores_trend ON scan_framework_scores (tenant_id, cluster_id, framework, scanned_at);

-- Per scan and control: counts behind the control's score ("why is this 72%?").
CREATE TABLE scan_control_summaries (
    tenant_id  uuid NOT NULL,
    scan_id    uuid NOT NULL,
    cluster_id uuid NOT NULL,
    control_id text NOT NULL,
    status     text NOT NULL,
    failed     integer NOT NULL,
    passed     integer NOT NULL,
    excepted   integer NOT NULL DEFAULT 0,
    scanned_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, scan_id, control_id),
    FOREIGN KEY (tenant_id, scan_id) REFERENCES scans (tenant_id, id) ON DELETE CASCADE
);

-- The latest version of every object of every cluster (resource page, drift, related objects).
CREATE TABLE resources (
    tenant_id   uuid NOT NULL,
    cluster_id  uuid NOT NULL,
    api_version text NOT NULL,
    kind        text NOT NULL,
    namespace   text NOT NULL DEFAULT '',
    name        text NOT NULL,
    body        jsonb NOT NULL,
    body_hash   bytea NOT NULL,
    first_seen  timestamptz NOT NULL,
    last_seen   timestamptz NOT NULL,
    changed_at  timestamptz NOT NULL,
    deleted_at  timestamptz,
    PRIMARY KEY (tenant_id, cluster_id, kind, namespace, name),
    FOREIGN KEY (tenant_id, cluster_id) REFERENCES clusters (tenant_id, id) ON DELETE CASCADE
);

-- Objects added, removed or changed by a scan (drift).
CREATE TABLE resource_changes (
    tenant_id  uuid NOT NULL,
    scan_id    uuid NOT NULL,
    cluster_id uuid NOT NULL,
    kind       text NOT NULL,
    namespace  text NOT NULL DEFAULT '',
    name       text NOT NULL,
    change     text NOT NULL CHECK (change IN ('added', 'removed', 'changed')),
    PRIMARY KEY (tenant_id, scan_id, kind, namespace, name),
    FOREIGN KEY (tenant_id, scan_id) REFERENCES scans (tenant_id, id) ON DELETE CASCADE
);

-- Findings are state, not a log: one row per (cluster, resource, control), upserted each scan.
CREATE TABLE findings (
    id           bigserial,
    tenant_id    uuid NOT NULL,
    cluster_id   uuid NOT NULL,
    control_id   text NOT NULL,
    api_version  text NOT NULL,
    kind         text NOT NULL,
    namespace    text NOT NULL DEFAULT '',
    name         text NOT NULL,
    severity     text NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low')),
    status       text NOT NULL CHECK (status IN ('open', 'resolved')),
    rules        text[] NOT NULL DEFAULT '{}',
    message      text NOT NULL DEFAULT '',
    failed_paths jsonb NOT NULL DEFAULT '[]'::jsonb,
    fix_paths    jsonb NOT NULL DEFAULT '[]'::jsonb,
    delete_paths jsonb NOT NULL DEFAULT '[]'::jsonb,
    related      jsonb NOT NULL DEFAULT '[]'::jsonb,
    first_seen   timestamptz NOT NULL,
    last_seen    timestamptz NOT NULL,
    resolved_at  timestamptz,
    last_scan_id uuid NOT NULL,
    excepted_by  uuid,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, cluster_id, control_id, kind, namespace, name),
    FOREIGN KEY (tenant_id, cluster_id) REFERENCES clusters (tenant_id, id) ON DELETE CASCADE
);
-- keyset paging for lists and exports: (severity rank, last_seen, id)
CREATE INDEX findings_open_by_cluster ON findings (tenant_id, cluster_id, status, severity, id);
CREATE INDEX findings_by_control ON findings (tenant_id, control_id, status, id);
CREATE INDEX findings_by_resource ON findings (tenant_id, cluster_id, kind, namespace, name);

-- Which findings a scan opened or resolved (alerts fire only for new ones; drift and trend markers).
CREATE TABLE finding_changes (
    tenant_id  uuid NOT NULL,
    scan_id    uuid NOT NULL,
    finding_id bigint NOT NULL,
    change     text NOT NULL CHECK (change IN ('new', 'resolved', 'reopened')),
    at         timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, scan_id, finding_id),
    FOREIGN KEY (tenant_id, scan_id) REFERENCES scans (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX finding_changes_finding ON finding_changes (tenant_id, finding_id);

-- Chunks the worker refused (bad signature, undecodable, oversized...), shown on the cluster page.
CREATE TABLE snapshot_rejections (
    id          bigserial,
    tenant_id   uuid NOT NULL,
    cluster_id  uuid NOT NULL,
    snapshot_id text,
    code        text NOT NULL,
    reason      text NOT NULL,
    at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, cluster_id) REFERENCES clusters (tenant_id, id) ON DELETE CASCADE
);

-- Row-level security: every tenant table, one policy, same predicate.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['tenants', 'memberships', 'invitations', 'api_tokens', 'audit_log', 'clusters', 'snapshots',
                             'snapshot_chunks', 'scans', 'scan_framework_scores', 'scan_control_summaries', 'resources',
                             'resource_changes', 'findings', 'finding_changes', 'snapshot_rejections']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (%s = NULLIF(current_setting(''kubeward.tenant_id'', true), '''')::uuid)'
                       || ' WITH CHECK (%s = NULLIF(current_setting(''kubeward.tenant_id'', true), '''')::uuid)',
                       t, CASE WHEN t = 'tenants' THEN 'id' ELSE 'tenant_id' END, CASE WHEN t = 'tenants' THEN 'id' ELSE 'tenant_id' END);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO kubeward_app', t);
    END LOOP;
END
$$;
GRANT SELECT, INSERT, UPDATE ON users TO kubeward_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO kubeward_app;

-- A user row is visible to a tenant only when the user is a member of it.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY member_of_tenant ON users USING (EXISTS (
    SELECT 1 FROM memberships m
    WHERE m.user_id = users.id AND m.tenant_id = NULLIF(current_setting('kubeward.tenant_id', true), '')::uuid));
