package dev.kubeward.api.security.builtin;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The built-in OIDC provider runs when {@code kubeward.identity.builtin.enabled} says so, and otherwise in
 * the embedded default ({@code kubeward.embedded.active=true}), where it lets the demo users sign in
 * through the real OIDC flow.
 */
public class BuiltinProviderCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String explicit = context.getEnvironment().getProperty("kubeward.identity.builtin.enabled");
        if (explicit != null && !explicit.isBlank()) return Boolean.parseBoolean(explicit.trim());
        return Boolean.parseBoolean(context.getEnvironment().getProperty("kubeward.embedded.active", "false"));
    }
}
