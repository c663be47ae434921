package dev.kubeward.agent.image.analyse;

/**
 * One installed package found in an image.
 *
 * @param name     as its ecosystem names it (dpkg package, Maven artifactId, npm name with scope, ...)
 * @param location where in the image it was found, e.g. {@code var/lib/dpkg/status} or {@code app/app.jar!BOOT-INF/lib/x.jar}
 */
public record Package(String name, String version, Purl purl, String location) {
}
