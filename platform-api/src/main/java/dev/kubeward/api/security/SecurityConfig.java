package dev.kubeward.api.security;

import dev.kubeward.api.security.builtin.BuiltinProvider;
import dev.kubeward.api.security.ratelimit.RateLimitFilter;
import dev.kubeward.api.security.ratelimit.TokenBucketRateLimiter;
import dev.kubeward.api.tenant.Memberships;
import dev.kubeward.api.tenant.ProvisioningUserServices;
import dev.kubeward.api.tenant.TenantFilter;
import dev.kubeward.api.tenant.UserProvisioning;
import dev.kubeward.db.token.ApiTokens;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import java.util.ArrayList;
import java.util.List;

/**
 * The web security of the platform: four filter chains in this order —
 * (1) the built-in OIDC provider's endpoints and (2) its sign-in form ({@link BuiltinProvider}, only when
 * it runs), (3) {@code /api/**}, {@code /ingest/**} and {@code /actuator/**}: stateless, bearer credentials
 * only (API tokens and JWTs), problem-details errors; (4) the UI: OIDC sign-in, sessions, CSRF.
 * Roles are a hierarchy, admin &gt; analyst &gt; viewer; request rules give the floor (a viewer never
 * writes; clusters, users, invitations, tokens and the audit log are admin-only) and controllers may ask
 * for more with {@code @PreAuthorize}.
 */
@Configuration
@EnableMethodSecurity
public class SecurityConfig {

    /** No inline scripts or styles anywhere; pages load assets from this origin only (webjars included). */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.ADMIN.name()).implies(Role.ANALYST.name())
                .role(Role.ANALYST.name()).implies(Role.VIEWER.name())
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** Applied to every chain. HSTS is written only on secure requests (TLS, or a trusted proxy's X-Forwarded-Proto). */
    public static void secureHeaders(HttpSecurity http) throws Exception {
        http.headers(h -> h
                .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(f -> f.deny())
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .httpStrictTransportSecurity(s -> s.maxAgeInSeconds(31_536_000).includeSubDomains(true))
                .contentTypeOptions(c -> { }));
    }

    /** Decoder for bearer JWTs of an external provider, from the standard resource-server properties; null if none. */
    static JwtDecoder externalJwtDecoder(Environment env) {
        String issuer = env.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri");
        String jwks = env.getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri");
        if (jwks != null && !jwks.isBlank()) {
            NimbusJwtDecoder d = NimbusJwtDecoder.withJwkSetUri(jwks).build();
            d.setJwtValidator(issuer == null || issuer.isBlank() ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(issuer));
            return d;
        }
        if (issuer != null && !issuer.isBlank()) return new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(issuer));
        return null;
    }

    @Bean
    @Order(3)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, Memberships memberships, UserProvisioning provisioning,
                                 ObjectProvider<BuiltinProvider> builtin, Environment env, RateLimits limits,
                                 @Value("${kubeward.identity.tenant-claim:}") String tenantClaim) throws Exception {
        ProblemResponses problems = new ProblemResponses();
        List<AuthenticationProvider> providers = new ArrayList<>();
        providers.add(new ApiTokenAuthenticationProvider(tokens, memberships));
        JwtDecoder external = externalJwtDecoder(env);
        if (external != null) {
            providers.add(new JwtMemberAuthenticationProvider(external, null, provisioning, memberships, tenantClaim));
        } else {
            BuiltinProvider b = builtin.getIfAvailable();
            if (b != null) providers.add(new JwtMemberAuthenticationProvider(b.accessTokenDecoder(),
                    ProvisioningUserServices.BUILTIN_ISSUER, provisioning, memberships, tenantClaim));
        }
        ProviderManager manager = new ProviderManager(providers);

        http.securityMatcher("/api/**", "/ingest/**", "/actuator/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // No cookies are read here, only bearer credentials: nothing for a cross-site request to ride on.
                .csrf(c -> c.disable())
                .requestCache(r -> r.requestCache(new NullRequestCache()))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .oauth2ResourceServer(rs -> rs.authenticationManagerResolver(request -> manager)
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(a -> a
                        // agents authenticate every chunk with their cluster's HMAC signature, checked by the ingest handler
                        .requestMatchers("/ingest/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/v1/users/**", "/api/v1/users", "/api/v1/invitations/**", "/api/v1/invitations",
                                "/api/v1/tokens/**", "/api/v1/tokens", "/api/v1/audit/**", "/api/v1/audit",
                                "/api/v1/settings/**", "/api/v1/settings").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/**").hasRole(Role.VIEWER.name())
                        .requestMatchers(HttpMethod.HEAD, "/api/**").hasRole(Role.VIEWER.name())
                        .requestMatchers("/api/v1/clusters", "/api/v1/clusters/**").hasRole(Role.ADMIN.name())
                        .anyRequest().hasRole(Role.ANALYST.name()))
                .addFilterBefore(limits.bearerPerIp(), BearerTokenAuthenticationFilter.class)
                .addFilterBefore(limits.tokenCreation(), BearerTokenAuthenticationFilter.class)
                .addFilterBefore(new TenantFilter(memberships, false), AuthorizationFilter.class)
                .addFilterAfter(limits.perToken(), TenantFilter.class);
        secureHeaders(http);
        return http.build();
    }

    @Bean
    ClientRegistrationRepository clientRegistrationRepository(Environment env, ObjectProvider<BuiltinProvider> builtin) {
        BuiltinProvider b = builtin.getIfAvailable();
        return new ClientRegistrations(env, b == null ? null : b::clientRegistration);
    }

    @Bean
    @Order(4)
    SecurityFilterChain uiChain(HttpSecurity http, ClientRegistrationRepository clients, ProvisioningUserServices users,
                                Memberships memberships, RateLimits limits) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/auth/**", "/webjars/**", "/assets/**", "/favicon.ico", "/error",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/settings/users/**", "/settings/tokens/**", "/settings/clusters/**", "/settings/audit/**")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/tenant/switch", "/logout").authenticated()
                        .requestMatchers(HttpMethod.GET, "/**").hasRole(Role.VIEWER.name())
                        .requestMatchers(HttpMethod.HEAD, "/**").hasRole(Role.VIEWER.name())
                        .anyRequest().hasRole(Role.ANALYST.name()))
                .oauth2Login(o -> o
                        .loginPage("/auth/sign-in")
                        // a permitAll page: an OAuth error shows a message instead of looping back to the provider
                        .failureUrl("/auth/sign-in?error")
                        .clientRegistrationRepository(clients)
                        .userInfoEndpoint(u -> u.oidcUserService(users.oidc()).userService(users.plain())))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/auth/sign-in")))
                .logout(l -> l.logoutRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/logout"))
                        .logoutSuccessUrl("/auth/signed-out"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .addFilterBefore(limits.tokenCreation(), AuthorizationFilter.class)
                .addFilterBefore(new TenantFilter(memberships, true), AuthorizationFilter.class);
        secureHeaders(http);
        return http.build();
    }

}
