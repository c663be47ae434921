package dev.kubeward.api.security;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The sign-in providers of the UI: every {@code spring.security.oauth2.client.registration.*} (Keycloak,
 * Entra ID, Okta, Google, GitHub — docs/authentication.md) plus the built-in provider when it runs.
 * Built on first use, not at start-up: a provider given by {@code issuer-uri} is discovered over HTTP, and
 * the built-in one's token endpoint is this very application, which does not listen yet while beans are
 * created.
 */
public final class ClientRegistrations implements ClientRegistrationRepository, Iterable<ClientRegistration> {

    private final Environment env;
    private final Supplier<ClientRegistration> builtin;
    private volatile Map<String, ClientRegistration> registrations;

    /** @param builtin the built-in provider's registration, or null when it does not run */
    public ClientRegistrations(Environment env, Supplier<ClientRegistration> builtin) {
        this.env = env;
        this.builtin = builtin;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        return all().get(registrationId);
    }

    @Override
    public Iterator<ClientRegistration> iterator() {
        return all().values().iterator();
    }

    public List<ClientRegistration> list() {
        return new ArrayList<>(all().values());
    }

    private Map<String, ClientRegistration> all() {
        Map<String, ClientRegistration> r = registrations;
        if (r == null) {
            synchronized (this) {
                if (registrations == null) registrations = load();
                r = registrations;
            }
        }
        return r;
    }

    private Map<String, ClientRegistration> load() {
        Map<String, ClientRegistration> out = new LinkedHashMap<>();
        if (builtin != null) {
            ClientRegistration b = builtin.get();
            out.put(b.getRegistrationId(), b);
        }
        OAuth2ClientProperties props = Binder.get(env).bind("spring.security.oauth2.client", Bindable.of(OAuth2ClientProperties.class))
                .orElseGet(OAuth2ClientProperties::new);
        try {
            props.afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException("invalid spring.security.oauth2.client settings: " + e.getMessage(), e);
        }
        out.putAll(new OAuth2ClientPropertiesMapper(props).asClientRegistrations());
        return Map.copyOf(out);
    }
}
