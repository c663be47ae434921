package dev.kubeward.agent.image.registry;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An image reference as a pod spec writes it ({@code nginx:1.27}, {@code ghcr.io/org/app@sha256:…},
 * {@code registry.local:5000/team/app:v2}), normalised the way container runtimes do: no registry means
 * Docker Hub, and a one-segment Docker Hub name lives under {@code library/}.
 *
 * @param registry   {@code host[:port]}; {@value #DOCKER_HUB} for Docker Hub
 * @param tag        null when only a digest is given
 * @param digest     {@code sha256:…}, null when only a tag is given
 */
public record ImageReference(String registry, String repository, String tag, String digest) {

    public static final String DOCKER_HUB = "docker.io";
    private static final Pattern REPOSITORY = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    /** @throws IllegalArgumentException when {@code reference} is not an image reference */
    public static ImageReference parse(String reference) {
        String rest = reference.strip();
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (!Descriptor.SHA256.matcher(digest).matches()) throw new IllegalArgumentException("not a sha256 digest in " + reference);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) throw new IllegalArgumentException("not a tag in " + reference);
        }
        String registry = DOCKER_HUB;
        String repository = rest;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = first.toLowerCase(Locale.ROOT).equals("index.docker.io") ? DOCKER_HUB : first.toLowerCase(Locale.ROOT);
                repository = rest.substring(slash + 1);
            }
        }
        if (registry.equals(DOCKER_HUB) && !repository.contains("/")) repository = "library/" + repository;
        if (!REPOSITORY.matcher(repository).matches()) throw new IllegalArgumentException("not a repository name in " + reference);
        if (tag == null && digest == null) tag = "latest";
        return new ImageReference(registry, repository, tag, digest);
    }

    public ImageReference withDigest(String newDigest) {
        return new ImageReference(registry, repository, tag, newDigest);
    }

    /** The host of the registry's API: Docker Hub's is not docker.io. */
    public String apiHost() {
        return registry.equals(DOCKER_HUB) ? "registry-1.docker.io" : registry;
    }

    /** {@code registry/repository}, e.g. {@code docker.io/library/nginx}. */
    public String name() {
        return registry + "/" + repository;
    }

    @Override
    public String toString() {
        return name() + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}
