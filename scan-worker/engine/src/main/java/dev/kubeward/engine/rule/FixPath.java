package dev.kubeward.engine.rule;

/** A path to set and the value that fixes the finding, e.g. {@code spec.containers[0].securityContext.privileged = false}. */
public record FixPath(String path, String value) {

    /**
     * The value as the manifest should hold it: Kubescape gives every fix value as a string, but
     * {@code privileged: "false"} would be rejected by the API server, so booleans and small integers become typed;
     * a quoted value stays a string without its quotes.
     */
    public Object typedValue() {
        if (value.equals("true") || value.equals("false")) return Boolean.valueOf(value);
        if (value.matches("-?\\d{1,9}")) return Integer.valueOf(value);
        if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) return value.substring(1, value.length() - 1);
        return value;
    }
}
