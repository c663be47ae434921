package dev.kubeward.api.compliance;

import java.util.List;
import java.util.UUID;

/** Controls ranked by how much fixing them raises the framework score ("fix these 3: +12 points"). */
public record FixFirst(String framework, UUID clusterId, Double score, List<Item> items) {

    /** {@code scoreAfter}: the framework score once this control and all above it are fixed. */
    public record Item(String controlId, String name, String severity, Double controlScore, long failed, double gain,
                       double cumulativeGain, double scoreAfter) {
    }
}
