package dev.kubeward.engine.rules.controlplane;

import dev.kubeward.engine.rule.Rule;

import java.util.List;

import static dev.kubeward.engine.rules.controlplane.ControlPlaneComponent.ETCD;

/** CIS section 2: etcd's flags. Client and peer certificate checks are off in etcd unless turned on. */
final class EtcdRules {

    private EtcdRules() {
    }

    static List<Rule> all() {
        return List.of(
                etcd("etcd-tls-enabled",
                        RequiredFlags.of("cert-file", "<path/to/tls-certificate-file.crt>", "key-file", "<path/to/tls-key-file.key>")),
                etcd("etcd-client-auth-cert",
                        BooleanFlag.mustBe("client-cert-auth", true).defaultingTo(false)),
                etcd("etcd-auto-tls-disabled",
                        BooleanFlag.mustBe("auto-tls", false)),
                etcd("etcd-peer-tls-enabled",
                        RequiredFlags.of("peer-cert-file", "<path/to/tls-certificate-file.crt>", "peer-key-file", "<path/to/tls-key-file.key>")),
                etcd("etcd-peer-client-auth-cert",
                        BooleanFlag.mustBe("peer-client-cert-auth", true).defaultingTo(false)),
                etcd("etcd-peer-auto-tls-disabled",
                        BooleanFlag.mustBe("peer-auto-tls", false)),
                new EtcdUniqueCaRule());
    }

    private static Rule etcd(String name, FlagCheck check) {
        return new ComponentFlagRule(name, ETCD, check);
    }
}
