package dev.kubeward.engine.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.util.Set;

import static dev.kubeward.engine.rules.security.SecurityContexts.podField;

/**
 * C-0211 and Pod Security Standards baseline: the pod sets only the sysctls Kubernetes considers safe
 * (namespaced, isolated from the node and other pods). No sysctls at all passes.
 */
final class SafeSysctls extends PodTemplateRule {

    /** The PSS baseline allow-list (Kubernetes 1.29). */
    static final Set<String> SAFE = Set.of(
            "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start",
            "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports",
            "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
            "net.ipv4.tcp_keepalive_probes");

    SafeSysctls() {
        super("set-sysctls-params");
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        JsonNode sysctls = pod.podSecurityContext().path("sysctls");
        for (int i = 0; i < sysctls.size(); i++) {
            String name = sysctls.get(i).path("name").asText("");
            if (SAFE.contains(name)) continue;
            finding.failedAndDelete(podField(pod, "sysctls[" + i + "]")).message("the pod sets unsafe sysctl " + name);
        }
    }
}
