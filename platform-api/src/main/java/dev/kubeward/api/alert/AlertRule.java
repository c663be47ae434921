package dev.kubeward.api.alert;

import java.util.UUID;

/**
 * When to alert, and to which target:
 * <ul>
 *   <li>{@code new-findings}: findings opened by a scan at or above {@code severity} (not excepted). A cluster's
 *       first scan sends one summary; later scans send one message per finding up to a small limit, then one digest;</li>
 *   <li>{@code score-drop}: the {@code framework} score of a cluster falls below {@code threshold} (%);</li>
 *   <li>{@code agent-silent}: no snapshot from a cluster for more than {@code minutes};</li>
 *   <li>{@code snapshot-rejected}: the worker refused a cluster's snapshot (bad signature, undecodable...);</li>
 *   <li>{@code exception-expired}: an exception expired and its findings are open again.</li>
 * </ul>
 */
public record AlertRule(UUID id, String name, String kind, UUID targetId, String severity, String framework, Double threshold,
                        Integer minutes, boolean enabled) {

    public static final java.util.List<String> KINDS = java.util.List.of("new-findings", "score-drop", "agent-silent", "snapshot-rejected",
            "exception-expired");
}
