package dev.kubeward.engine.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.model.ObjectRef;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.RuleOutcome;
import dev.kubeward.engine.rule.SnapshotRule;
import dev.kubeward.engine.rule.Violation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * C-0213..C-0220: PodSecurityPolicies that admit something risky. A pod is admitted when any policy it may
 * use allows it, so the cluster is only exposed when <em>every</em> policy is permissive: then each of them
 * is reported; if one policy is strict, none is. One declarative entry per check.
 */
final class PodSecurityPolicyCheck implements SnapshotRule {

    private final String name;
    private final String what;
    private final Predicate<JsonNode> permissive;
    private final String failedPath;
    private final String fixPath;
    private final String fixValue;

    private PodSecurityPolicyCheck(String name, String what, Predicate<JsonNode> permissive, String failedPath,
                                   String fixPath, String fixValue) {
        this.name = name;
        this.what = what;
        this.permissive = permissive;
        this.failedPath = failedPath;
        this.fixPath = fixPath;
        this.fixValue = fixValue;
    }

    static List<PodSecurityPolicyCheck> all() {
        return List.of(
                flag("psp-deny-privileged-container", "privileged containers", "privileged"),
                flag("psp-deny-hostpid", "the host PID namespace", "hostPID"),
                flag("psp-deny-hostipc", "the host IPC namespace", "hostIPC"),
                flag("psp-deny-hostnetwork", "the host network", "hostNetwork"),
                // NB: the API defaults allowPrivilegeEscalation to true when unset.
                new PodSecurityPolicyCheck("psp-deny-allowprivilegeescalation", "privilege escalation",
                        spec -> !SecurityContexts.isFalse(spec.path("allowPrivilegeEscalation")),
                        "spec.allowPrivilegeEscalation", null, null),
                new PodSecurityPolicyCheck("psp-deny-root-container", "containers running as root",
                        spec -> !deniesRoot(spec.path("runAsUser")), "spec.runAsUser.rule", null, null),
                new PodSecurityPolicyCheck("psp-deny-allowed-capabilities", "added capabilities",
                        spec -> spec.path("allowedCapabilities").size() > 0, "spec.allowedCapabilities", null, null),
                new PodSecurityPolicyCheck("psp-required-drop-capabilities", "containers that keep every capability",
                        spec -> spec.path("requiredDropCapabilities").size() == 0, null, "spec.requiredDropCapabilities[0]", "ALL"));
    }

    private static PodSecurityPolicyCheck flag(String name, String what, String field) {
        return new PodSecurityPolicyCheck(name, what, spec -> SecurityContexts.isTrue(spec.path(field)), "spec." + field, null, null);
    }

    /** {@code MustRunAsNonRoot}, or {@code MustRunAs} with ranges that all exclude uid 0. */
    static boolean deniesRoot(JsonNode runAsUser) {
        String rule = runAsUser.path("rule").asText("");
        if (rule.equals("MustRunAsNonRoot")) return true;
        if (!rule.equals("MustRunAs") || runAsUser.path("ranges").isEmpty()) return false;
        for (JsonNode range : runAsUser.path("ranges")) {
            if (range.path("min").asLong(0) <= 0) return false;
        }
        return true;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RuleOutcome evaluate(RuleContext ctx) {
        List<KubeObject> psps = ctx.index().ofKind("PodSecurityPolicy");
        Set<ObjectRef> evaluated = new LinkedHashSet<>();
        psps.forEach(p -> evaluated.add(p.ref()));
        List<Violation> violations = new ArrayList<>();
        if (!psps.isEmpty() && psps.stream().allMatch(p -> permissive.test(p.spec()))) {
            for (KubeObject p : psps) {
                Violation.Builder b = Violation.on(p).message("PodSecurityPolicy " + p.name() + " admits " + what
                        + ", and no other policy is stricter");
                if (failedPath != null) b.failed(failedPath).delete(failedPath);
                if (fixPath != null) b.fix(fixPath, fixValue);
                violations.add(b.build());
            }
        }
        return new RuleOutcome(evaluated, violations);
    }
}
