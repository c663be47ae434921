package dev.kubeward.api.compliance;

/**
 * A control's line on a framework page. {@code gain}: points the framework score rises if this control's
 * failed resources were fixed = (100 − score) / applicable controls; 0 when not applicable.
 */
public record FrameworkControl(String id, String name, String severity, String status, long failed, long passed,
                               long excepted, long total, Double score, double gain) {
}
