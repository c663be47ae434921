package dev.kubeward.api.security;

import dev.kubeward.api.tenant.Memberships;
import dev.kubeward.db.token.ApiTokens;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Bearer credentials that start with {@code kwt_} are Kubeward API tokens: looked up by hash
 * ({@link ApiTokens#resolve}), refused when unknown, revoked or expired, and turned into a member of the
 * token's tenant with the token's role. Anything else is left to the JWT provider. The token itself is
 * never logged and never placed in an exception message.
 */
public final class ApiTokenAuthenticationProvider implements AuthenticationProvider {

    private final ApiTokens tokens;
    private final Memberships memberships;

    public ApiTokenAuthenticationProvider(ApiTokens tokens, Memberships memberships) {
        this.tokens = tokens;
        this.memberships = memberships;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        if (!token.startsWith(ApiTokens.PREFIX)) return null;
        ApiTokens.TokenPrincipal p = tokens.resolve(token).orElseThrow(() -> new InvalidBearerTokenException("unknown, expired or revoked API token"));
        Role role = Role.fromDb(p.role());
        Memberships.Membership tenant = memberships.tenant(p.tenantId(), role)
                .orElseThrow(() -> new InvalidBearerTokenException("unknown, expired or revoked API token"));
        return new TenantAuthentication(new KubewardPrincipal(KubewardPrincipal.Kind.TOKEN, p.tenantId(), tenant.slug(), tenant.name(),
                role, null, p.tokenId(), "token:" + p.name(), p.name()), authentication);
    }

    @Override
    public boolean supports(Class<?> type) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(type);
    }
}
