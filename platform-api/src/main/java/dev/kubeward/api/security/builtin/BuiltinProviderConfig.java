package dev.kubeward.api.security.builtin;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.kubeward.api.security.RateLimits;
import dev.kubeward.api.security.SecurityConfig;
import dev.kubeward.api.tenant.ProvisioningUserServices;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The built-in OIDC provider (Spring Authorization Server) and its two filter chains: (1) the protocol
 * endpoints and (2) the sign-in form at {@code /login}. Both keep their security context and saved
 * request under their own session keys, so the provider's sign-in never replaces the UI's (which would
 * land users on {@code /} instead of the page they asked for).
 */
@Configuration
@Conditional(BuiltinProviderCondition.class)
public class BuiltinProviderConfig {

    static final String CONTEXT_KEY = "KUBEWARD_PROVIDER_SECURITY_CONTEXT";
    static final String SAVED_REQUEST_KEY = "KUBEWARD_PROVIDER_SAVED_REQUEST";

    @Bean
    BuiltinProvider builtinProvider(Environment env) {
        return new BuiltinProvider(env);
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(BuiltinProvider provider) {
        return provider.jwkSource();
    }

    @Bean
    LocalAccounts localAccounts(JdbcTemplate jdbc) {
        return new LocalAccounts(jdbc);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(@Value("${spring.security.oauth2.authorizationserver.issuer:}") String issuer) {
        AuthorizationServerSettings.Builder b = AuthorizationServerSettings.builder();
        if (!issuer.isBlank()) b.issuer(issuer);
        return b.build();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(BuiltinProvider provider, PasswordEncoder encoder, Environment env,
                                                          @Value("${kubeward.identity.builtin.redirect-uris:}") List<String> extra) {
        List<String> redirects = new ArrayList<>(List.of(
                // loopback IP literals match on any port (RFC 8252); "localhost" must match exactly
                "http://127.0.0.1/login/oauth2/code/builtin",
                "http://[::1]/login/oauth2/code/builtin",
                "http://localhost:" + env.getProperty("server.port", "8080") + "/login/oauth2/code/builtin"));
        String publicUrl = env.getProperty("kubeward.public-url");
        if (publicUrl != null && !publicUrl.isBlank()) redirects.add(publicUrl.replaceAll("/+$", "") + "/login/oauth2/code/builtin");
        extra.stream().filter(s -> !s.isBlank()).forEach(redirects::add);
        RegisteredClient ui = RegisteredClient.withId(UUID.nameUUIDFromBytes(BuiltinProvider.CLIENT_ID.getBytes()).toString())
                .clientId(BuiltinProvider.CLIENT_ID)
                .clientSecret(encoder.encode(provider.clientSecret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(r -> r.addAll(redirects))
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(15)).build())
                .build();
        return new InMemoryRegisteredClientRepository(ui);
    }

    /** Profile claims in ID and access tokens, so neither the UI nor an API call needs the userinfo endpoint. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> profileClaims(LocalAccounts accounts) {
        return context -> {
            if (context.getPrincipal() == null) return;
            accounts.profile(context.getPrincipal().getName()).ifPresent(p -> context.getClaims()
                    .claim("email", p.email())
                    .claim("email_verified", true)
                    .claim("name", p.displayName())
                    .claim("preferred_username", p.username()));
        };
    }

    /** ID tokens of the built-in provider are verified with its key in process; other providers' as usual. */
    @Bean
    JwtDecoderFactory<ClientRegistration> idTokenDecoderFactory(BuiltinProvider provider) {
        OidcIdTokenDecoderFactory standard = new OidcIdTokenDecoderFactory();
        return registration -> {
            if (!ProvisioningUserServices.BUILTIN_REGISTRATION.equals(registration.getRegistrationId())) return standard.createDecoder(registration);
            NimbusJwtDecoder d = NimbusJwtDecoder.withJwkSource(provider.jwkSource()).build();
            d.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(), new OidcIdTokenValidator(registration)));
            return d;
        };
    }

    /** Needed by the provider's own OIDC endpoints. */
    @Bean
    JwtDecoder builtinProviderJwtDecoder(JWKSource<SecurityContext> jwkSource) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
    }

    private static HttpSessionSecurityContextRepository contextRepository() {
        HttpSessionSecurityContextRepository r = new HttpSessionSecurityContextRepository();
        r.setSpringSecurityContextKey(CONTEXT_KEY);
        return r;
    }

    private static HttpSessionRequestCache requestCache() {
        HttpSessionRequestCache c = new HttpSessionRequestCache();
        c.setSessionAttrName(SAVED_REQUEST_KEY);
        return c;
    }

    @Bean
    @Order(1)
    SecurityFilterChain providerEndpointsChain(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(as -> {
                    http.securityMatcher(as.getEndpointsMatcher());
                    as.oidc(Customizer.withDefaults());
                })
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .securityContext(c -> c.securityContextRepository(contextRepository()))
                .requestCache(r -> r.requestCache(requestCache()));
        SecurityConfig.secureHeaders(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain providerLoginChain(HttpSecurity http, LocalAccounts accounts, PasswordEncoder encoder, RateLimits limits) throws Exception {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(accounts);
        dao.setPasswordEncoder(encoder);
        http.securityMatcher("/login")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .authenticationManager(new ProviderManager(dao))
                .formLogin(f -> f.loginPage("/login").failureUrl("/login?error"))
                .securityContext(c -> c.securityContextRepository(contextRepository()))
                .requestCache(r -> r.requestCache(requestCache()))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                // before CSRF: every POST counts, also the ones that would be refused for a missing token
                .addFilterBefore(limits.signInForm(), CsrfFilter.class);
        SecurityConfig.secureHeaders(http);
        return http.build();
    }
}
