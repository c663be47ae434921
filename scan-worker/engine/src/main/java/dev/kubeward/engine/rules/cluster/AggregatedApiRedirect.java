package dev.kubeward.engine.rules.cluster;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * C-0089, CVE-2022-3172: an API server before v1.22.14, v1.23.11, v1.24.5 or v1.25.1 follows redirects from an
 * aggregated API server, which can send clients, with their credentials, anywhere. An APIService backed by a
 * Service of the snapshot fails when the API server version is affected — or unknown, since it may be.
 * The version comes from the cluster info, else from an APIServerInfo object.
 */
final class AggregatedApiRedirect implements ResourceRule {

    @Override
    public String name() {
        return "CVE-2022-3172";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("APIService");
    }

    static boolean affected(SemanticVersion v) {
        if (v.major() != 1) return v.major() < 1;
        return switch (v.minor()) {
            case 22 -> v.patch() < 14;
            case 23 -> v.patch() < 11;
            case 24 -> v.patch() < 5;
            case 25 -> v.patch() < 1;
            default -> v.minor() < 22;
        };
    }

    @Override
    public List<Violation> check(KubeObject apiService, RuleContext ctx) {
        String serviceName = apiService.spec().path("service").path("name").asText("");
        if (serviceName.isEmpty()) return List.of();
        String serviceNamespace = apiService.spec().path("service").path("namespace").asText("default");
        Optional<KubeObject> service = ctx.index().ofKindInNamespace("Service", serviceNamespace).stream()
                .filter(s -> serviceName.equals(s.name())).findFirst();
        if (service.isEmpty()) return List.of();
        Optional<SemanticVersion> version = apiServerVersion(ctx);
        if (version.isPresent() && !affected(version.get())) return List.of();
        String because = version.map(v -> "API server " + v + " is affected").orElse("the API server version is unknown");
        return List.of(Violation.on(apiService).related(service.get())
                .message("aggregated API " + apiService.name() + " served by Service " + serviceName
                        + " may redirect clients to any URL (CVE-2022-3172): " + because)
                .failed("spec.service")
                .build());
    }

    private static Optional<SemanticVersion> apiServerVersion(RuleContext ctx) {
        Optional<SemanticVersion> known = SemanticVersion.parse(ctx.cluster().kubernetesVersion());
        if (known.isPresent()) return known;
        return ctx.index().ofKind("APIServerInfo").stream()
                .filter(o -> "version".equals(o.name()))
                .map(o -> o.json().path("data").path("gitVersion").asText(null))
                .map(SemanticVersion::parse)
                .flatMap(Optional::stream)
                .findFirst();
    }
}
