package dev.kubeward.engine.fix;

/** One line of emitted YAML with the field path it shows ({@code spec.containers[0].image}); numbers start at 1. */
public record YamlLine(int number, String text, String path) {
}
