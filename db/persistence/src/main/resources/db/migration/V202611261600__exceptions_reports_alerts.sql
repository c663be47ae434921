-- Risk acceptance (exceptions), immutable compliance reports and alerting (targets, rules, deliveries).
-- Same tenancy rules as the core schema: tenant_id NOT NULL, uniques and foreign keys include it, one
-- row-level security policy per table, privileges for kubeward_app.

-- An accepted risk: which findings (scope x controls), why, who asked, who approved, until when.
-- Empty scope arrays mean "any"; names and namespaces may be glob patterns (* and ?); labels must all match.
-- Status is the workflow state; "expired" is set by the reconciliation once expires_at has passed, so that
-- the reopening alert fires exactly once.
CREATE TABLE risk_exceptions (
    id                   uuid NOT NULL,
    tenant_id            uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name                 text NOT NULL,
    status               text NOT NULL CHECK (status IN ('pending', 'active', 'rejected', 'revoked', 'expired')),
    controls             text[] NOT NULL DEFAULT '{}',
    clusters             text[] NOT NULL DEFAULT '{}',
    namespaces           text[] NOT NULL DEFAULT '{}',
    kinds                text[] NOT NULL DEFAULT '{}',
    names                text[] NOT NULL DEFAULT '{}',
    labels               jsonb NOT NULL DEFAULT '{}'::jsonb,
    reason               text NOT NULL,
    compensating_control text,
    owner                text NOT NULL,
    ticket_url           text,
    source               text NOT NULL DEFAULT 'manual',
    expires_at           timestamptz NOT NULL,
    requested_by         text NOT NULL,
    requested_at         timestamptz NOT NULL DEFAULT now(),
    decided_by           text,
    decided_at           timestamptz,
    revoked_by           text,
    revoked_at           timestamptz,
    expired_at           timestamptz,
    match_count          integer NOT NULL DEFAULT 0,
    last_matched_at      timestamptz,
    updated_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, name)
);
CREATE INDEX risk_exceptions_status ON risk_exceptions (tenant_id, status, expires_at);
CREATE INDEX findings_excepted ON findings (tenant_id, excepted_by) WHERE excepted_by IS NOT NULL;

-- Where alerts go: a signed generic webhook, a Slack-compatible incoming webhook, or e-mail (SMTP).
-- The webhook signing secret is stored encrypted (SecretCipher), never hashed: it must be read to sign.
CREATE TABLE alert_targets (
    id                uuid NOT NULL,
    tenant_id         uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name              text NOT NULL,
    kind              text NOT NULL CHECK (kind IN ('webhook', 'slack', 'email')),
    url               text,
    email_to          text,
    secret_ciphertext bytea,
    enabled           boolean NOT NULL DEFAULT true,
    created_by        text NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, name)
);

CREATE TABLE alert_rules (
    id         uuid NOT NULL,
    tenant_id  uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name       text NOT NULL,
    kind       text NOT NULL CHECK (kind IN ('new-findings', 'score-drop', 'agent-silent', 'snapshot-rejected', 'exception-expired')),
    target_id  uuid NOT NULL,
    severity   text CHECK (severity IN ('critical', 'high', 'medium', 'low')),
    framework  text,
    threshold  numeric(6, 2),
    minutes    integer,
    enabled    boolean NOT NULL DEFAULT true,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, name),
    FOREIGN KEY (tenant_id, target_id) REFERENCES alert_targets (tenant_id, id) ON DELETE CASCADE
);

-- Every message sent (or being retried) to a target. dedupe_key makes a redelivered event harmless.
CREATE TABLE alert_deliveries (
    id               bigserial,
    tenant_id        uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    target_id        uuid NOT NULL,
    rule_id          uuid,
    event_type       text NOT NULL,
    title            text NOT NULL,
    payload          jsonb NOT NULL,
    dedupe_key       text NOT NULL,
    status           text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    last_status_code integer,
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    delivered_at     timestamptz,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, dedupe_key, target_id),
    FOREIGN KEY (tenant_id, target_id) REFERENCES alert_targets (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX alert_deliveries_due ON alert_deliveries (status, next_attempt_at) WHERE status = 'pending';
CREATE INDEX alert_deliveries_recent ON alert_deliveries (tenant_id, created_at DESC);

-- Report schedules: a framework over a scope, re-generated every every_days covering the last
-- period_days, optionally sent to a target.
CREATE TABLE report_schedules (
    id          uuid NOT NULL,
    tenant_id   uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name        text NOT NULL,
    framework   text NOT NULL,
    scope       jsonb NOT NULL DEFAULT '{}'::jsonb,
    period_days integer NOT NULL CHECK (period_days BETWEEN 1 AND 366),
    every_days  integer NOT NULL CHECK (every_days BETWEEN 1 AND 366),
    target_id   uuid,
    next_run_at timestamptz NOT NULL,
    enabled     boolean NOT NULL DEFAULT true,
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, name),
    FOREIGN KEY (tenant_id, target_id) REFERENCES alert_targets (tenant_id, id) ON DELETE SET NULL (target_id)
);

-- A generated report is an immutable snapshot: its content (JSON), the rendered HTML and PDF, and the
-- SHA-256 of the content. A trigger refuses UPDATE so history cannot be rewritten.
CREATE TABLE reports (
    id           uuid NOT NULL,
    tenant_id    uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    framework    text NOT NULL,
    scope        jsonb NOT NULL,
    period_from  timestamptz NOT NULL,
    period_to    timestamptz NOT NULL,
    score        numeric(6, 2),
    generated_by text NOT NULL,
    generated_at timestamptz NOT NULL,
    schedule_id  uuid,
    content      text NOT NULL,
    content_hash text NOT NULL,
    html         text NOT NULL,
    pdf          bytea NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX reports_recent ON reports (tenant_id, generated_at DESC);

CREATE FUNCTION reports_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'reports are immutable (report %)', OLD.id;
END
$$;
CREATE TRIGGER reports_immutable BEFORE UPDATE ON reports FOR EACH ROW EXECUTE FUNCTION reports_are_immutable();

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['risk_exceptions', 'alert_targets', 'alert_rules', 'alert_deliveries', 'report_schedules', 'reports']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = NULLIF(current_setting(''kubeward.tenant_id'', true), '''')::uuid)'
                       || ' WITH CHECK (tenant_id = NULLIF(current_setting(''kubeward.tenant_id'', true), '''')::uuid)', t);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO kubeward_app', t);
    END LOOP;
END
$$;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO kubeward_app;
