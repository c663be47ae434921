package dev.kubeward.engine.rbac.permission;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One rule of a Role or ClusterRole, matched exactly as the Kubernetes RBAC authorizer matches it
 * ({@code RuleAllows} in plugin/pkg/auth/authorizer/rbac and pkg/apis/rbac/v1/evaluation_helpers.go):
 * {@code *} matches every verb, group and resource (subresources included), {@code * /sub} matches that
 * subresource of any resource, {@code pods/*} is a literal, not a wildcard; an empty resourceNames list
 * means every name and has no wildcard; a nonResourceURL ending in {@code *} is a prefix glob.
 */
public record PolicyRule(List<String> verbs, List<String> apiGroups, List<String> resources,
                         List<String> resourceNames, List<String> nonResourceURLs) {

    public static final String ALL = "*";

    public PolicyRule {
        verbs = List.copyOf(verbs);
        apiGroups = List.copyOf(apiGroups);
        resources = List.copyOf(resources);
        resourceNames = List.copyOf(resourceNames);
        nonResourceURLs = List.copyOf(nonResourceURLs);
    }

    public static PolicyRule of(JsonNode rule) {
        return new PolicyRule(strings(rule.path("verbs")), strings(rule.path("apiGroups")), strings(rule.path("resources")),
                strings(rule.path("resourceNames")), strings(rule.path("nonResourceURLs")));
    }

    /** A resource rule, for tests and synthetic roles. */
    public static PolicyRule resource(List<String> verbs, List<String> groups, List<String> resources) {
        return new PolicyRule(verbs, groups, resources, List.of(), List.of());
    }

    private static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        if (arr.isArray()) arr.forEach(v -> out.add(v.asText()));
        return out;
    }

    /** Whether this rule alone authorizes the request (namespace is the binding's business, not the rule's). */
    public boolean allows(Request request) {
        if (!verbMatches(request.verb())) return false;
        if (request.isResourceRequest()) {
            return apiGroupMatches(request.apiGroup())
                    && resourceMatches(request.combinedResource(), request.subresource())
                    && resourceNameMatches(request.name());
        }
        return nonResourceURLMatches(request.path());
    }

    /** Same as {@link #allows} for some verb, whichever: "does this rule give anything on that resource?" */
    public boolean allowsSomeVerb(Request request) {
        return !verbs.isEmpty() && request.isResourceRequest() && apiGroupMatches(request.apiGroup())
                && resourceMatches(request.combinedResource(), request.subresource()) && resourceNameMatches(request.name());
    }

    public boolean verbMatches(String verb) {
        for (String v : verbs) if (v.equals(ALL) || v.equals(verb)) return true;
        return false;
    }

    public boolean apiGroupMatches(String group) {
        for (String g : apiGroups) if (g.equals(ALL) || g.equals(group)) return true;
        return false;
    }

    public boolean resourceMatches(String combinedResource, String subresource) {
        for (String r : resources) {
            if (r.equals(ALL) || r.equals(combinedResource)) return true;
            if (subresource == null || subresource.isEmpty()) continue;
            if (r.length() == subresource.length() + 2 && r.startsWith("*/") && r.endsWith(subresource)) return true;
        }
        return false;
    }

    public boolean resourceNameMatches(String name) {
        if (resourceNames.isEmpty()) return true;
        return name != null && resourceNames.contains(name);
    }

    public boolean nonResourceURLMatches(String url) {
        if (url == null) return false;
        for (String u : nonResourceURLs) {
            if (u.equals(ALL) || u.equals(url)) return true;
            if (u.endsWith("*") && url.startsWith(stripTrailingStars(u))) return true;
        }
        return false;
    }

    private static String stripTrailingStars(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '*') end--;
        return s.substring(0, end);
    }

    /** Every verb on every resource of the core group (or of every group): what cluster-admin holds. */
    public boolean isWildcardAdmin() {
        return verbs.contains(ALL) && resources.contains(ALL) && (apiGroups.contains(ALL) || apiGroups.contains(""))
                && resourceNames.isEmpty();
    }

    public boolean isNonResourceRule() {
        return !nonResourceURLs.isEmpty() && resources.isEmpty();
    }

    /** Compact text as Kubernetes prints rules in escalation errors. */
    public String compact() {
        StringBuilder b = new StringBuilder("{");
        append(b, "APIGroups", apiGroups);
        append(b, "Resources", resources);
        append(b, "NonResourceURLs", nonResourceURLs);
        append(b, "ResourceNames", resourceNames);
        append(b, "Verbs", verbs);
        return b.append('}').toString();
    }

    private static void append(StringBuilder b, String field, List<String> values) {
        if (values.isEmpty()) return;
        if (b.length() > 1) b.append(", ");
        b.append(field).append(':').append(values);
    }
}
