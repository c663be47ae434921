package dev.kubeward.api.tenant;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The oauth2Login user services: load the user as usual, then provision it ({@link UserProvisioning}) and
 * return a principal that carries Kubeward's user id. Which provider it came from decides the issuer key:
 * the built-in provider's issuer is the app's own URL, which may differ between hosts and ports, so its
 * users are keyed by {@link #BUILTIN_ISSUER} instead.
 */
@Component
public class ProvisioningUserServices {

    public static final String BUILTIN_REGISTRATION = "builtin";
    public static final String BUILTIN_ISSUER = "urn:kubeward:builtin";

    private final UserProvisioning provisioning;
    private final OidcUserService oidc = new OidcUserService();
    private final DefaultOAuth2UserService plain = new DefaultOAuth2UserService();

    public ProvisioningUserServices(UserProvisioning provisioning) {
        this.provisioning = provisioning;
    }

    public OAuth2UserService<OidcUserRequest, OidcUser> oidc() {
        return request -> {
            OidcUser user = oidc.loadUser(request);
            String registration = request.getClientRegistration().getRegistrationId();
            String issuer = BUILTIN_REGISTRATION.equals(registration) ? BUILTIN_ISSUER : String.valueOf(user.getIdToken().getIssuer());
            String name = user.getFullName() != null ? user.getFullName() : user.getPreferredUsername();
            UUID id = provisioning.provision(new IdentityClaims(issuer, user.getSubject(), user.getEmail(),
                    Boolean.TRUE.equals(user.getEmailVerified()), name, user.getClaims()));
            String nameAttribute = request.getClientRegistration().getProviderDetails().getUserInfoEndpoint().getUserNameAttributeName();
            return new KubewardOidcUser(id, name, List.of(), user.getIdToken(), user.getUserInfo(),
                    nameAttribute == null || nameAttribute.isBlank() ? "sub" : nameAttribute);
        };
    }

    /** Non-OIDC providers (GitHub): the issuer key is the provider's user-info URL's host. */
    public OAuth2UserService<OAuth2UserRequest, OAuth2User> plain() {
        return request -> {
            OAuth2User user = plain.loadUser(request);
            var details = request.getClientRegistration().getProviderDetails();
            String nameAttribute = details.getUserInfoEndpoint().getUserNameAttributeName();
            Map<String, Object> attrs = user.getAttributes();
            Object subject = attrs.get(nameAttribute);
            if (subject == null) throw new OAuth2AuthenticationException("missing_subject");
            String issuer = java.net.URI.create(details.getUserInfoEndpoint().getUri()).getHost();
            String email = attrs.get("email") instanceof String s ? s : null;
            String name = attrs.get("name") instanceof String s ? s : (attrs.get("login") instanceof String l ? l : email);
            UUID id = provisioning.provision(new IdentityClaims(issuer, String.valueOf(subject), email,
                    Boolean.TRUE.equals(attrs.get("email_verified")), name, attrs));
            return new KubewardOAuth2User(id, email, name, List.of(), attrs, nameAttribute);
        };
    }
}
