package dev.kubeward.api.tenant;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

import java.util.Collection;
import java.util.UUID;

/** An OIDC user (ID token) after provisioning. Kept in the session; roles are not: they depend on the chosen tenant. */
public class KubewardOidcUser extends DefaultOidcUser implements ProvisionedUser {

    private final UUID userId;
    private final String displayName;

    public KubewardOidcUser(UUID userId, String displayName, Collection<? extends GrantedAuthority> authorities,
                            OidcIdToken idToken, OidcUserInfo userInfo, String nameAttribute) {
        super(authorities, idToken, userInfo, nameAttribute);
        this.userId = userId;
        this.displayName = displayName;
    }

    @Override
    public UUID userId() {
        return userId;
    }

    @Override
    public String email() {
        return getEmail();
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
