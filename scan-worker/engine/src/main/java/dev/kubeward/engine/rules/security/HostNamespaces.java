package dev.kubeward.engine.rules.security;

import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.util.List;

/** Pods sharing a host namespace ({@code hostPID}, {@code hostIPC}, {@code hostNetwork}); one entry per rule. */
final class HostNamespaces extends PodTemplateRule {

    private final List<String> fields;

    private HostNamespaces(String name, List<String> fields) {
        super(name);
        this.fields = fields;
    }

    /** C-0038. */
    static HostNamespaces pidAndIpc() {
        return new HostNamespaces("host-pid-ipc-privileges", List.of("hostPID", "hostIPC"));
    }

    /** C-0275. */
    static HostNamespaces pid() {
        return new HostNamespaces("host-pid-privileges", List.of("hostPID"));
    }

    /** C-0276. */
    static HostNamespaces ipc() {
        return new HostNamespaces("host-ipc-privileges", List.of("hostIPC"));
    }

    /** C-0041. */
    static HostNamespaces network() {
        return new HostNamespaces("host-network-access", List.of("hostNetwork"));
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        for (String f : fields) {
            if (SecurityContexts.isTrue(pod.podSpec().path(f))) {
                finding.failedAndDelete(pod.specPath() + "." + f).message("the pod sets " + f + ": true");
            }
        }
    }
}
