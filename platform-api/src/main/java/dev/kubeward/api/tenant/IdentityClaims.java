package dev.kubeward.api.tenant;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What an identity provider says about a person, reduced to what provisioning needs.
 *
 * @param issuer        stable key of the provider ({@code iss}, or {@code urn:kubeward:builtin} for the built-in one)
 * @param subject       the provider's id for the person
 * @param emailVerified whether the provider vouches for the email (invitations are matched by email)
 * @param claims        all claims, for the configurable tenant claim
 */
public record IdentityClaims(String issuer, String subject, String email, boolean emailVerified, String displayName,
                             Map<String, Object> claims) {

    /** The values of a claim that is a string, a comma/space separated string or a list. */
    public List<String> values(String claim) {
        if (claim == null || claim.isBlank()) return List.of();
        Object v = claims.get(claim);
        if (v instanceof Collection<?> c) return c.stream().map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (v instanceof String s) return List.of(s.split("[,\\s]+")).stream().filter(x -> !x.isEmpty()).toList();
        return List.of();
    }
}
