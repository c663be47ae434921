package dev.kubeward.engine.rules.workload;

import java.util.Locale;

/**
 * A container image reference read the way the runtime reads it: {@code [registry[:port]/]repository[:tag][@digest]}.
 * A first component is a registry only if it looks like a host (a dot, a port, {@code localhost}); otherwise the
 * image comes from Docker Hub and one-component names live under {@code library/}
 * ({@code nginx} is {@code docker.io/library/nginx}).
 */
record ImageName(String raw, String registry, String repository, String tag, String digest) {

    private static final String DOCKER_HUB = "docker.io";

    static ImageName parse(String image) {
        String rest = image == null ? "" : image.trim();
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        String registry = DOCKER_HUB;
        String repository = rest;
        int slash = rest.indexOf('/');
        if (slash >= 0 && looksLikeHost(rest.substring(0, slash))) {
            registry = rest.substring(0, slash).toLowerCase(Locale.ROOT);
            repository = rest.substring(slash + 1);
        }
        if (registry.equals("index.docker.io")) registry = DOCKER_HUB;
        if (registry.equals(DOCKER_HUB) && !repository.contains("/")) repository = "library/" + repository;
        return new ImageName(image, registry, repository, tag, digest);
    }

    private static boolean looksLikeHost(String component) {
        return component.contains(".") || component.contains(":") || component.equals("localhost");
    }

    /** {@code registry/repository}, e.g. {@code docker.io/library/nginx}. */
    String normalized() {
        return registry + "/" + repository;
    }

    /**
     * Whether the image comes from a registry location as operators write them in allow and block lists:
     * a registry ({@code gcr.io}), a registry path ({@code gcr.io/my-project}), or a bare domain whose
     * sub-domains are registries ({@code amazonaws.com} for {@code 1234.dkr.ecr.eu-west-1.amazonaws.com},
     * {@code azurecr.io} for {@code corp.azurecr.io}). Matched on whole components, so {@code gcr.io} does
     * not admit {@code gcr.io.evil.com}. The image is tried as written and normalized.
     */
    boolean isFrom(String location) {
        if (location == null || location.isBlank()) return false;
        String loc = location.trim();
        String prefix = loc.endsWith("/") ? loc : loc + "/";
        String bare = loc.endsWith("/") ? loc.substring(0, loc.length() - 1) : loc;
        String written = raw == null ? "" : raw.trim();
        if (written.startsWith(prefix) || normalized().startsWith(prefix) || normalized().equals(bare)) return true;
        if (bare.contains("/")) return false;
        String host = registry.contains(":") ? registry.substring(0, registry.indexOf(':')) : registry;
        String domain = bare.toLowerCase(Locale.ROOT);
        return host.equals(domain) || host.endsWith("." + domain);
    }
}
