package dev.kubeward.api.tenant;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** A plain OAuth2 user (GitHub has no ID token) after provisioning. */
public class KubewardOAuth2User extends DefaultOAuth2User implements ProvisionedUser {

    private final UUID userId;
    private final String email;
    private final String displayName;

    public KubewardOAuth2User(UUID userId, String email, String displayName, Collection<? extends GrantedAuthority> authorities,
                              Map<String, Object> attributes, String nameAttribute) {
        super(authorities, attributes, nameAttribute);
        this.userId = userId;
        this.email = email;
        this.displayName = displayName;
    }

    @Override
    public UUID userId() {
        return userId;
    }

    @Override
    public String email() {
        return email;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
