package dev.kubeward.api.compliance;

import java.util.List;
import java.util.UUID;

/**
 * A framework page: the score with its formula and every control's line. {@code clusterId} null: the
 * tenant-wide score from summed counts (see {@link FrameworkSummary}); else that cluster's last scan, and
 * {@code storedScore} is what the worker recorded for it (equal up to rounding).
 */
public record FrameworkDetail(String name, String title, UUID clusterId, Double score, Double storedScore, Formula formula,
                              List<FrameworkControl> controls) {
}
