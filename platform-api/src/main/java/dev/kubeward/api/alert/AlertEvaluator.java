package dev.kubeward.api.alert;

import dev.kubeward.api.alert.internal.AlertFacts;
import dev.kubeward.api.alert.internal.AlertFacts.NewFinding;
import dev.kubeward.api.alert.internal.AlertStore;
import dev.kubeward.api.exception.ExceptionExpired;
import dev.kubeward.db.tenancy.TenantContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns events into queued messages, rule by rule. Storms are avoided by design: a cluster's first scan is a
 * baseline and yields one summary per rule; a later scan yields one message per new finding only up to
 * {@code kubeward.alerts.per-finding-limit}, and one digest beyond that. Every message has a dedupe key, so a
 * redelivered event queues nothing twice.
 */
@Component
public class AlertEvaluator {

    private static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low");
    private static final int LISTED = 20;

    private final AlertStore store;
    private final AlertFacts facts;
    private final AlertOutbox outbox;
    private final int perFindingLimit;

    public AlertEvaluator(AlertStore store, AlertFacts facts, AlertOutbox outbox,
                          @Value("${kubeward.alerts.per-finding-limit:5}") int perFindingLimit) {
        this.store = store;
        this.facts = facts;
        this.outbox = outbox;
        this.perFindingLimit = perFindingLimit;
    }

    /** A committed scan of a cluster (tenant in scope); exceptions must already be applied to it. */
    public void scanCompleted(UUID cluster, UUID scan) {
        UUID tenant = TenantContext.require();
        String clusterName = facts.clusterName(tenant, cluster).orElse(null);
        if (clusterName == null) return;
        for (AlertRule rule : store.enabledRules(tenant, "new-findings")) newFindings(tenant, rule, cluster, clusterName, scan);
        for (AlertRule rule : store.enabledRules(tenant, "score-drop")) scoreDrop(tenant, rule, cluster, clusterName, scan);
    }

    private void newFindings(UUID tenant, AlertRule rule, UUID cluster, String clusterName, UUID scan) {
        List<String> severities = SEVERITIES.subList(0, SEVERITIES.indexOf(rule.severity()) + 1);
        List<NewFinding> opened = facts.opened(tenant, scan, severities);
        if (opened.isEmpty()) return;
        Map<String, Long> bySeverity = opened.stream().collect(Collectors.groupingBy(NewFinding::severity, LinkedHashMap::new, Collectors.counting()));
        String counts = bySeverity.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
        boolean first = facts.firstScan(tenant, cluster, scan);
        if (!first && opened.size() <= perFindingLimit) {
            for (NewFinding f : opened) {
                String title = cap(f.severity()) + " finding in " + clusterName + ": " + f.controlId() + " on " + f.kind() + " "
                        + (f.namespace().isEmpty() ? "" : f.namespace() + "/") + f.name();
                outbox.enqueue(rule.targetId(), rule.id(), "finding.new", title, "New since the previous scan.",
                        Map.of("cluster", clusterName, "clusterId", cluster.toString(), "scanId", scan.toString(), "finding", f),
                        "finding:" + f.id() + ":scan:" + scan + ":rule:" + rule.id());
            }
            return;
        }
        String type = first ? "scan.first-summary" : "findings.digest";
        String title = first
                ? "First scan of " + clusterName + ": " + opened.size() + " open findings at or above " + rule.severity()
                : opened.size() + " new findings at or above " + rule.severity() + " in " + clusterName;
        String text = (first ? "Baseline of a newly connected cluster (one summary instead of one alert per finding): " : "New since the previous scan: ")
                + counts + "." + top(opened);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cluster", clusterName);
        data.put("clusterId", cluster.toString());
        data.put("scanId", scan.toString());
        data.put("firstScan", first);
        data.put("total", opened.size());
        data.put("bySeverity", bySeverity);
        data.put("findings", opened.subList(0, Math.min(LISTED, opened.size())));
        outbox.enqueue(rule.targetId(), rule.id(), type, title, text, data, "scan:" + scan + ":rule:" + rule.id());
    }

    private void scoreDrop(UUID tenant, AlertRule rule, UUID cluster, String clusterName, UUID scan) {
        Double[] s = facts.scoreAndPrevious(tenant, cluster, scan, rule.framework());
        Double now = s[0], before = s[1];
        if (now == null || now >= rule.threshold() || (before != null && before < rule.threshold())) return;
        String title = rule.framework() + " score of " + clusterName + " fell below " + fmt(rule.threshold()) + "%: " + fmt(now) + "%";
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cluster", clusterName);
        data.put("framework", rule.framework());
        data.put("score", now);
        data.put("previousScore", before);
        data.put("threshold", rule.threshold());
        data.put("scanId", scan.toString());
        outbox.enqueue(rule.targetId(), rule.id(), "score.drop", title, before == null ? "First score of the cluster."
                : "Previous scan: " + fmt(before) + "%.", data, "score:" + scan + ":rule:" + rule.id());
    }

    /** The worker refused a snapshot of the cluster (tenant in scope). */
    public void snapshotRejected(UUID cluster, String snapshotId, String code, String reason, Instant at) {
        UUID tenant = TenantContext.require();
        String clusterName = facts.clusterName(tenant, cluster).orElse(null);
        if (clusterName == null) return;
        for (AlertRule rule : store.enabledRules(tenant, "snapshot-rejected")) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("cluster", clusterName);
            data.put("snapshotId", snapshotId);
            data.put("code", code);
            data.put("reason", reason);
            data.put("at", String.valueOf(at));
            outbox.enqueue(rule.targetId(), rule.id(), "snapshot.rejected", "Snapshot of " + clusterName + " rejected: " + code, reason, data,
                    "rejected:" + cluster + ":" + snapshotId + ":" + code + ":" + at);
        }
    }

    @EventListener
    public void exceptionExpired(ExceptionExpired e) {
        TenantContext.runAs(e.tenantId(), () -> {
            for (AlertRule rule : store.enabledRules(e.tenantId(), "exception-expired")) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("exception", e.name());
                data.put("exceptionId", e.exceptionId().toString());
                data.put("owner", e.owner());
                data.put("expiredAt", e.expiresAt().toString());
                data.put("reopenedFindings", e.reopenedFindings());
                outbox.enqueue(rule.targetId(), rule.id(), "exception.expired", "Exception '" + e.name() + "' expired: "
                        + e.reopenedFindings() + " findings open again", "Owner: " + e.owner() + ". Renew it or fix the findings.",
                        data, "exception-expired:" + e.exceptionId());
            }
        });
    }

    /** Clusters silent for longer than each agent-silent rule allows (tenant in scope); one message per silence. */
    public void checkSilence(Instant now) {
        UUID tenant = TenantContext.require();
        for (AlertRule rule : store.enabledRules(tenant, "agent-silent")) {
            for (AlertFacts.SilentCluster c : facts.silentSince(tenant, now.minusSeconds(60L * rule.minutes()))) {
                long minutes = java.time.Duration.between(c.lastSnapshot(), now).toMinutes();
                outbox.enqueue(rule.targetId(), rule.id(), "agent.silent", "No snapshot from " + c.name() + " for " + minutes + " minutes",
                        "Last snapshot: " + c.lastSnapshot() + ". Until the agent reports again the cluster reads 'not assessed'.",
                        Map.of("cluster", c.name(), "clusterId", c.id().toString(), "lastSnapshot", c.lastSnapshot().toString(), "minutes", minutes),
                        "silent:" + c.id() + ":" + c.lastSnapshot() + ":rule:" + rule.id());
            }
        }
    }

    private static String top(List<NewFinding> opened) {
        return opened.stream().limit(5).map(f -> "\n- " + f.severity().toUpperCase(Locale.ROOT) + " " + f.controlId() + " " + f.kind() + " "
                + (f.namespace().isEmpty() ? "" : f.namespace() + "/") + f.name()).collect(Collectors.joining())
                + (opened.size() > 5 ? "\n- ... and " + (opened.size() - 5) + " more" : "");
    }

    private static String cap(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
