package dev.kubeward.api.support;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.time.Instant;

/** Access tokens signed with the built-in provider's key, as it would issue them, for bearer-JWT tests. */
public final class TestJwts {

    private final NimbusJwtEncoder encoder;

    public TestJwts(JWKSource<SecurityContext> jwkSource) {
        this.encoder = new NimbusJwtEncoder(jwkSource);
    }

    public String accessToken(TenantFixtures.TestUser user) {
        return accessToken(user.username(), user.email(), Instant.now().plusSeconds(600));
    }

    public String accessToken(String subject, String email, Instant expiresAt) {
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("http://127.0.0.1").subject(subject).audience(java.util.List.of("kubeward-ui"))
                .issuedAt(expiresAt.minusSeconds(900)).expiresAt(expiresAt).claim("email", email).claim("email_verified", true).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)).getTokenValue();
    }
}
