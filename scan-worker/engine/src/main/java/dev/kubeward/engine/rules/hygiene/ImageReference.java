package dev.kubeward.engine.rules.hygiene;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A container image reference split the way the container runtime reads it:
 * {@code [registry[:port]/]repository[:tag][@digest]}. A first path component counts as a registry only if it
 * looks like a host (has a dot or a port, is {@code localhost}, or has upper case); otherwise the image is on
 * Docker Hub, and one-component names live under {@code library/} ({@code python:3.11} is
 * {@code docker.io/library/python:3.11}).
 */
record ImageReference(String raw, String registry, String repository, String tag, String digest) {

    private static final String DOCKER_HUB = "docker.io";
    private static final Pattern DIGEST =
            Pattern.compile("([a-z0-9]+(?:[.+_-][a-z0-9]+)*):([a-zA-Z0-9=_-]+)");
    /** OCI image-spec registered algorithms and the exact encoding each requires. */
    private static final Map<String, Pattern> REGISTERED_ALGORITHMS = Map.of(
            "sha256", Pattern.compile("[a-f0-9]{64}"),
            "sha384", Pattern.compile("[a-f0-9]{96}"),
            "sha512", Pattern.compile("[a-f0-9]{128}"),
            "blake3", Pattern.compile("[a-f0-9]{64}"));

    static ImageReference parse(String image) {
        String rest = image;
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
            registry = rest.substring(0, slash);
            repository = rest.substring(slash + 1);
        }
        if (registry.equals("index.docker.io")) registry = DOCKER_HUB;
        if (registry.equals(DOCKER_HUB) && !repository.contains("/")) repository = "library/" + repository;
        return new ImageReference(image, registry, repository, tag, digest);
    }

    private static boolean looksLikeHost(String component) {
        return component.contains(".") || component.contains(":") || component.equals("localhost")
                || !component.toLowerCase(Locale.ROOT).equals(component);
    }

    /** {@code registry/repository}, e.g. {@code docker.io/library/nginx}. */
    String name() {
        return registry + "/" + repository;
    }

    boolean hasDigest() {
        return digest != null;
    }

    /**
     * The digest is well formed per the OCI image spec: {@code algorithm:encoded}, with the exact hex length for
     * registered algorithms (a truncated {@code sha256:abc} is no pin at all).
     */
    boolean hasValidDigest() {
        if (digest == null) return false;
        var m = DIGEST.matcher(digest);
        if (!m.matches()) return false;
        Pattern exact = REGISTERED_ALGORITHMS.get(m.group(1));
        return exact == null || exact.matcher(m.group(2)).matches();
    }

    /**
     * Whether the image comes from an allowed location: a registry ({@code gcr.io}) or a registry path
     * ({@code gcr.io/my-project}), matched on whole path components so {@code gcr.io} does not admit
     * {@code gcr.io.evil.com} or {@code gcr.io:5000}.
     */
    boolean isUnder(String allowed) {
        if (allowed == null || allowed.isBlank()) return false;
        String prefix = allowed.endsWith("/") ? allowed : allowed + "/";
        String name = name();
        return name.equals(allowed) || name.startsWith(prefix);
    }
}
