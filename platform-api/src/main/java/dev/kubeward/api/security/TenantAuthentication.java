package dev.kubeward.api.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.List;

/**
 * An authentication bound to one tenant membership: its only authority is the member's role. Built per
 * request (from a token, a JWT, or the session user's chosen membership), never stored in the session, so
 * a role change or a removal takes effect on the next request.
 */
public final class TenantAuthentication extends AbstractAuthenticationToken {

    private final KubewardPrincipal principal;
    private final transient Authentication source;

    public TenantAuthentication(KubewardPrincipal principal, Authentication source) {
        super(List.of(new SimpleGrantedAuthority(principal.role().authority())));
        this.principal = principal;
        this.source = source;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public KubewardPrincipal getPrincipal() {
        return principal;
    }

    /** What proved the identity (the OAuth2 login, the JWT, the token lookup). */
    public Authentication source() {
        return source;
    }

    @Override
    public String getName() {
        return principal.name();
    }
}
