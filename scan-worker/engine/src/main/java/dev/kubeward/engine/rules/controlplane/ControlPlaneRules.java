package dev.kubeward.engine.rules.controlplane;

import dev.kubeward.engine.rule.Rule;

import java.util.ArrayList;
import java.util.List;

/**
 * Control-plane configuration (CIS sections 1 to 4): the flags of the API server, controller manager,
 * scheduler and etcd, read from their static pods, and kube-proxy's metrics binding. Only self-managed
 * clusters show these pods; elsewhere the controls are not applicable.
 */
public final class ControlPlaneRules {

    private ControlPlaneRules() {
    }

    public static List<Rule> all() {
        List<Rule> all = new ArrayList<>(ApiServerRules.all());
        all.addAll(ControllerManagerRules.all());
        all.addAll(EtcdRules.all());
        all.add(new KubeProxyMetricsBindingRule());
        return List.copyOf(all);
    }
}
