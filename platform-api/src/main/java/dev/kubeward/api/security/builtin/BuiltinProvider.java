package dev.kubeward.api.security.builtin;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.kubeward.api.tenant.ProvisioningUserServices;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The built-in OIDC provider's shared parts: its persistent signing key, and the UI's client of it. The
 * client secret is random per start (both ends live in this process). The UI's registration is built
 * lazily: its token endpoint is this application's own port, known only once the server listens.
 */
public final class BuiltinProvider {

    public static final String CLIENT_ID = "kubeward-ui";

    private final Environment env;
    private final JWKSource<SecurityContext> jwkSource;
    private final String clientSecret;

    BuiltinProvider(Environment env) {
        this.env = env;
        RSAKey key = PersistentSigningKey.loadOrCreate(keyFile(env));
        this.jwkSource = new ImmutableJWKSet<>(new JWKSet(key));
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        this.clientSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static Path keyFile(Environment env) {
        String explicit = env.getProperty("kubeward.identity.builtin.key-file");
        if (explicit != null && !explicit.isBlank()) return Path.of(explicit);
        String dataDir = env.getProperty("kubeward.data-dir", Path.of(System.getProperty("user.home"), ".kubeward").toString());
        return Path.of(dataDir, "oidc-signing-key.json");
    }

    public JWKSource<SecurityContext> jwkSource() {
        return jwkSource;
    }

    String clientSecret() {
        return clientSecret;
    }

    /** Verifies the provider's access tokens in process (no HTTP to our own JWKS endpoint). */
    public JwtDecoder accessTokenDecoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator()));
        return decoder;
    }

    /** Where this application reaches itself: {@code kubeward.identity.builtin.internal-url}, else 127.0.0.1 and the local port. */
    String internalUrl() {
        String explicit = env.getProperty("kubeward.identity.builtin.internal-url");
        if (explicit != null && !explicit.isBlank()) return explicit.replaceAll("/+$", "");
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        return "http://127.0.0.1:" + port;
    }

    /** The UI's registration (id {@code builtin}); PKCE on, as the provider requires it. */
    public ClientRegistration clientRegistration() {
        String internal = internalUrl();
        return ClientRegistration.withRegistrationId(ProvisioningUserServices.BUILTIN_REGISTRATION)
                .clientName(env.getProperty("kubeward.identity.builtin.name", "Kubeward accounts"))
                .clientId(CLIENT_ID)
                .clientSecret(clientSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                // relative on purpose: the browser stays on the host name it used, and with it its cookies
                .authorizationUri("/oauth2/authorize")
                .tokenUri(internal + "/oauth2/token")
                .jwkSetUri(internal + "/oauth2/jwks")
                .userNameAttributeName("sub")
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .build();
    }
}
