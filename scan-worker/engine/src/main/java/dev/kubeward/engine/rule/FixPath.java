package dev.kubeward.engine.rule;

/** A path to set and the value that fixes the finding, e.g. {@code spec.containers[0].securityContext.privileged = false}. */
public record FixPath(String path, String value) {
}
