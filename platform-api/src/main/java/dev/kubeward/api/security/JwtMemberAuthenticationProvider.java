package dev.kubeward.api.security;

import dev.kubeward.api.tenant.IdentityClaims;
import dev.kubeward.api.tenant.Memberships;
import dev.kubeward.api.tenant.UserProvisioning;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * OAuth2 bearer JWTs from the configured provider. The JWT proves who the caller is; the tenant and role
 * come from that person's membership: the tenant the {@code kubeward.identity.tenant-claim} claim names
 * (if they are a member of it), otherwise their only membership. A person in several tenants whose token
 * names none is refused rather than guessed.
 */
public final class JwtMemberAuthenticationProvider implements AuthenticationProvider {

    private final JwtDecoder decoder;
    private final String issuerKey;
    private final UserProvisioning provisioning;
    private final Memberships memberships;
    private final String tenantClaim;

    /**
     * @param issuerKey fixed issuer key for the built-in provider, or null to use the token's {@code iss}
     */
    public JwtMemberAuthenticationProvider(JwtDecoder decoder, String issuerKey, UserProvisioning provisioning, Memberships memberships,
                                           String tenantClaim) {
        this.decoder = decoder;
        this.issuerKey = issuerKey;
        this.provisioning = provisioning;
        this.memberships = memberships;
        this.tenantClaim = tenantClaim;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Jwt jwt;
        try {
            jwt = decoder.decode(((BearerTokenAuthenticationToken) authentication).getToken());
        } catch (JwtException e) {
            throw new InvalidBearerTokenException("invalid bearer JWT", e);
        }
        String email = jwt.getClaimAsString("email");
        String name = Optional.ofNullable(jwt.getClaimAsString("name")).orElse(Optional.ofNullable(email).orElse(jwt.getSubject()));
        IdentityClaims id = new IdentityClaims(issuerKey != null ? issuerKey : String.valueOf(jwt.getIssuer()), jwt.getSubject(), email,
                Boolean.TRUE.equals(jwt.getClaimAsBoolean("email_verified")), name, jwt.getClaims());
        UUID userId = provisioning.provision(id);
        List<Memberships.Membership> all = memberships.of(userId);
        List<String> named = id.values(tenantClaim);
        List<Memberships.Membership> candidates = named.isEmpty() ? all
                : all.stream().filter(m -> named.contains(m.slug())).toList();
        if (candidates.size() != 1) throw new InvalidBearerTokenException("the token does not determine one tenant membership");
        Memberships.Membership m = candidates.get(0);
        return new TenantAuthentication(new KubewardPrincipal(KubewardPrincipal.Kind.JWT, m.tenantId(), m.slug(), m.name(), m.role(),
                userId, null, email != null ? email : jwt.getSubject(), name), authentication);
    }

    @Override
    public boolean supports(Class<?> type) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(type);
    }
}
