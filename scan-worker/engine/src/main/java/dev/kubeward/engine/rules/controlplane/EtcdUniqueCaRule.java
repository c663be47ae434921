package dev.kubeward.engine.rules.controlplane;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.model.ObjectRef;
import dev.kubeward.engine.rule.FixPath;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.RuleOutcome;
import dev.kubeward.engine.rule.SnapshotRule;
import dev.kubeward.engine.rule.Violation;
import dev.kubeward.engine.rules.controlplane.CommandLine.Flag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * C-0159: etcd must trust its own CA. When etcd's {@code --trusted-ca-file} is the API server's
 * {@code --client-ca-file}, any certificate the cluster CA signs for a user also opens etcd, and with it
 * every secret. Both pods fail, each naming the other.
 */
final class EtcdUniqueCaRule implements SnapshotRule {

    private static final String ETCD_CA = "trusted-ca-file";
    private static final String CLIENT_CA = "client-ca-file";
    private static final String FIX = "<path/to/different-tls-certificate-file.crt>";

    @Override
    public String name() {
        return "etcd-unique-ca";
    }

    @Override
    public RuleOutcome evaluate(RuleContext ctx) {
        List<KubeObject> etcds = ControlPlaneComponent.ETCD.pods(ctx.index());
        List<KubeObject> apiServers = ControlPlaneComponent.API_SERVER.pods(ctx.index());
        Set<ObjectRef> evaluated = new LinkedHashSet<>();
        etcds.forEach(p -> evaluated.add(p.ref()));
        apiServers.forEach(p -> evaluated.add(p.ref()));
        Map<KubeObject, Violation.Builder> failures = new LinkedHashMap<>();
        for (KubeObject etcd : etcds) {
            Optional<Flag> trusted = caFile(ControlPlaneComponent.ETCD, etcd, ETCD_CA);
            for (KubeObject apiServer : apiServers) {
                Optional<Flag> client = caFile(ControlPlaneComponent.API_SERVER, apiServer, CLIENT_CA);
                if (trusted.isEmpty() || client.isEmpty() || !trusted.get().value().strip().equals(client.get().value().strip())) continue;
                String message = "etcd trusts " + trusted.get().value() + ", the CA that kube-apiserver accepts client certificates from";
                fail(failures, etcd, trusted.get(), apiServer, message);
                fail(failures, apiServer, client.get(), etcd, message);
            }
        }
        List<Violation> violations = new ArrayList<>();
        failures.values().forEach(b -> violations.add(b.build()));
        return new RuleOutcome(evaluated, violations);
    }

    private static Optional<Flag> caFile(ControlPlaneComponent component, KubeObject pod, String flag) {
        return component.commandLine(pod).last(flag).filter(f -> !f.value().isBlank());
    }

    private static void fail(Map<KubeObject, Violation.Builder> failures, KubeObject pod, Flag flag, KubeObject other, String message) {
        Violation.Builder b = failures.get(pod);
        if (b == null) {
            FixPath fix = flag.fix(FIX);
            b = Violation.on(pod).message(message).failed(flag.at().path()).fix(fix.path(), fix.value());
            failures.put(pod, b);
        }
        b.related(other);
    }
}
