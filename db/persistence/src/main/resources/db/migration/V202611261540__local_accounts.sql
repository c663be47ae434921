-- Accounts of the built-in OIDC provider that the embedded default runs (Spring Authorization Server).
-- Not tenant data: the provider only proves who someone is; tenant membership comes from invitations
-- or the provider's claims at first sign-in. Passwords are stored as BCrypt hashes only.
CREATE TABLE local_accounts (
    username      text PRIMARY KEY,
    password_hash text NOT NULL,
    email         text NOT NULL UNIQUE,
    display_name  text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
REVOKE ALL ON local_accounts FROM kubeward_app;
