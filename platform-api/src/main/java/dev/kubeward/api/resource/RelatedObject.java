package dev.kubeward.api.resource;

/**
 * An object tied to the one shown, and how: owner, owned, serviceAccount, exposedBy (a Service selecting its
 * pods), policy (a NetworkPolicy selecting them), boundBy (a binding granting a ServiceAccount a role) or
 * evidence (named by one of its findings).
 */
public record RelatedObject(String kind, String namespace, String name, String relation) {
}
