package dev.kubeward.engine.rules.cluster;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.model.ObjectRef;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.RuleOutcome;
import dev.kubeward.engine.rule.SnapshotRule;
import dev.kubeward.engine.rule.Violation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The "-native" halves of the hybrid control-plane controls (C-0066, C-0067, C-0068, C-0088): a setting of
 * the kube-apiserver static pod, read from its flags. The "-cloud" halves need the cloud provider's API and
 * are not implemented; on managed control planes no API server pod is visible and these rules find nothing.
 * Only API server pods are evaluated, so other pods do not show up as passing.
 */
final class ApiServerFlagRule implements SnapshotRule {

    /** Judges the flag (empty when absent) and returns the violation, or null when the setting is right. */
    @FunctionalInterface
    private interface Judge {
        Violation apply(ApiServerPod pod, Optional<ApiServerPod.Flag> flag);
    }

    private final String name;
    private final String flag;
    private final Judge judge;
    private final BiPredicate<ApiServerPod, RuleContext> applies;

    private ApiServerFlagRule(String name, String flag, Judge judge) {
        this(name, flag, judge, (pod, ctx) -> true);
    }

    private ApiServerFlagRule(String name, String flag, Judge judge, BiPredicate<ApiServerPod, RuleContext> applies) {
        this.name = name;
        this.flag = flag;
        this.judge = judge;
        this.applies = applies;
    }

    /** C-0066: secrets are stored in etcd unencrypted without an encryption provider configuration. */
    static ApiServerFlagRule etcdEncryption() {
        return required("etcd-encryption-native", "encryption-provider-config", "etcd encryption is not enabled",
                "<path to EncryptionConfiguration>");
    }

    /** C-0067: without an audit policy the API server records no audit events. */
    static ApiServerFlagRule auditLogs() {
        return required("k8s-audit-logs-enabled-native", "audit-policy-file", "audit logs are not enabled",
                "<path to audit Policy>");
    }

    /**
     * C-0068: the PodSecurityPolicy admission plugin is not enabled. Kubernetes removed PodSecurityPolicy in
     * v1.25, so an API server known to run v1.25 or later (image tag, else cluster version) cannot enable it:
     * it is not evaluated and the control reads not applicable.
     */
    static ApiServerFlagRule podSecurityPolicy() {
        return new ApiServerFlagRule("psp-enabled-native", "enable-admission-plugins",
                (pod, flag) -> listMissing(pod, flag, "enable-admission-plugins", "PodSecurityPolicy", "PodSecurityPolicy is not enabled"),
                (pod, ctx) -> pod.imageVersion().or(() -> SemanticVersion.parse(ctx.cluster().kubernetesVersion()))
                        .filter(v -> !v.isBefore(SemanticVersion.of(1, 25, 0))).isEmpty());
    }

    /** C-0088: without RBAC in the authorization modes (the default is AlwaysAllow) RBAC objects mean nothing. */
    static ApiServerFlagRule rbac() {
        return new ApiServerFlagRule("rbac-enabled-native", "authorization-mode",
                (pod, flag) -> listMissing(pod, flag, "authorization-mode", "RBAC", "RBAC is not enabled"));
    }

    private static ApiServerFlagRule required(String name, String flag, String message, String placeholder) {
        return new ApiServerFlagRule(name, flag, (pod, found) -> {
            if (found.filter(f -> !f.value().isEmpty()).isPresent()) return null;
            return Violation.on(pod.pod()).message(message)
                    .failed(found.map(ApiServerPod.Flag::path).orElse(pod.flagListPath()))
                    .fix(found.map(ApiServerPod.Flag::path).orElse(pod.appendPath()), "--" + flag + "=" + placeholder)
                    .build();
        });
    }

    /** A comma-separated flag that must contain a value; absent means the API server's default, which lacks it. */
    private static Violation listMissing(ApiServerPod pod, Optional<ApiServerPod.Flag> flag, String name, String value, String message) {
        if (flag.filter(f -> Arrays.asList(f.value().split(",")).contains(value)).isPresent()) return null;
        String current = flag.map(ApiServerPod.Flag::value).filter(v -> !v.isEmpty()).map(v -> v + ",").orElse("");
        return Violation.on(pod.pod()).message(message)
                .failed(flag.map(ApiServerPod.Flag::path).orElse(pod.flagListPath()))
                .fix(flag.map(ApiServerPod.Flag::path).orElse(pod.appendPath()), "--" + name + "=" + current + value)
                .build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RuleOutcome evaluate(RuleContext ctx) {
        Set<ObjectRef> evaluated = new HashSet<>();
        List<Violation> violations = new ArrayList<>();
        for (KubeObject pod : ctx.index().ofKind("Pod")) {
            Optional<ApiServerPod> api = ApiServerPod.of(pod);
            if (api.isEmpty() || !applies.test(api.get(), ctx)) continue;
            evaluated.add(pod.ref());
            Violation v = judge.apply(api.get(), api.get().flag(flag));
            if (v != null) violations.add(v);
        }
        return new RuleOutcome(evaluated, violations);
    }
}
