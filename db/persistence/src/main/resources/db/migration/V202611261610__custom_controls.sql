-- Custom controls: a tenant's own checks in CEL (the language of ValidatingAdmissionPolicy), evaluated by the
-- scan worker next to the catalogue's controls. Same tenancy rules as the core schema: tenant_id NOT NULL,
-- uniques include it, one row-level security policy, privileges for kubeward_app.
-- control_id is KW-CUSTOM-<slug>; findings refer to it like to any catalogue control.
CREATE TABLE custom_controls (
    id                 uuid NOT NULL,
    tenant_id          uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    control_id         text NOT NULL CHECK (control_id ~ '^KW-CUSTOM-[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
    name               text NOT NULL,
    description        text NOT NULL DEFAULT '',
    severity           text NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low')),
    remediation        text NOT NULL DEFAULT '',
    match_kinds        text[] NOT NULL CHECK (cardinality(match_kinds) > 0),
    namespace_selector jsonb,
    expression         text NOT NULL,
    message_expression text,
    enabled            boolean NOT NULL DEFAULT true,
    created_by         text NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_by         text NOT NULL,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, control_id)
);

ALTER TABLE custom_controls ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON custom_controls
    USING (tenant_id = NULLIF(current_setting('kubeward.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('kubeward.tenant_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE, DELETE ON custom_controls TO kubeward_app;
