package dev.kubeward.api.tenant;

import java.util.UUID;

/** A signed-in person after {@link UserProvisioning}: the OIDC/OAuth2 user plus Kubeward's user id. */
public interface ProvisionedUser {

    UUID userId();

    String email();

    String displayName();
}
