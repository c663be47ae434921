package dev.kubeward.engine.rules.cluster;

import dev.kubeward.engine.model.ClusterInfo.Provider;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.RuleContext;

import java.util.Arrays;

/** What node objects and the cluster tell about where workloads run. */
final class Nodes {

    private Nodes() {
    }

    /** The kubelet version a node reports ({@code status.nodeInfo.kubeletVersion}); null when absent. */
    static String kubeletVersion(KubeObject node) {
        return node.json().path("status").path("nodeInfo").path("kubeletVersion").asText(null);
    }

    static String osImage(KubeObject node) {
        return node.json().path("status").path("nodeInfo").path("osImage").asText(null);
    }

    /**
     * Whether a provider-specific rule applies: on the given providers, and when the provider is not known
     * (manifests, conformance cases) — never on a cluster known to run elsewhere.
     */
    static boolean providerIs(RuleContext ctx, Provider... providers) {
        Provider actual = ctx.cluster().provider();
        return actual == Provider.UNKNOWN || Arrays.asList(providers).contains(actual);
    }
}
