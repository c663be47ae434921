package dev.kubeward.api.custom;

/**
 * An expression to try on a sample: {@code object} (and optionally {@code namespaceObject}) as a JSON object,
 * or as YAML/JSON text (what an editor pane holds).
 */
public record TestRequest(String expression, String messageExpression, Object object, Object namespaceObject) {
}
