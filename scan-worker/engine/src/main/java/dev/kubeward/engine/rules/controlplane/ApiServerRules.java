package dev.kubeward.engine.rules.controlplane;

import dev.kubeward.engine.rule.Rule;

import java.util.List;

import static dev.kubeward.engine.rules.controlplane.ControlPlaneComponent.API_SERVER;

/**
 * CIS section 1.2: the API server's flags. Each entry is Kubescape's rule name and the condition, with the
 * API server's own default for an unset flag, so that leaving a flag out is judged by what the server does.
 */
final class ApiServerRules {

    private static final String ENABLE_PLUGINS = "enable-admission-plugins";
    private static final String DISABLE_PLUGINS = "disable-admission-plugins";
    private static final String CIPHERS = "tls-cipher-suites";
    private static final String FILE = "<path/to/appropriate/file>";

    private ApiServerRules() {
    }

    static List<Rule> all() {
        return List.of(
                rule("insecure-port-flag",
                        ScalarFlag.mustBe("insecure-port", "0").defaultingTo("0")),
                rule("ensure-that-the-api-server-anonymous-auth-argument-is-set-to-false",
                        BooleanFlag.mustBe("anonymous-auth", false).defaultingTo(true)),
                rule("ensure-that-the-api-server-token-auth-file-parameter-is-not-set",
                        new ForbiddenFlag("token-auth-file")),
                rule("ensure-that-the-api-server-DenyServiceExternalIPs-is-not-set",
                        ListFlag.mustExclude(ENABLE_PLUGINS, "DenyServiceExternalIPs")),
                rule("ensure-that-the-api-server-DenyServiceExternalIPs-is-set",
                        ListFlag.mustInclude(ENABLE_PLUGINS, "DenyServiceExternalIPs")),
                rule("ensure-that-the-api-server-kubelet-client-certificate-and-kubelet-client-key-arguments-are-set-as-appropriate",
                        RequiredFlags.of("kubelet-client-certificate", FILE, "kubelet-client-key", FILE)),
                rule("ensure-that-the-api-server-kubelet-certificate-authority-argument-is-set-as-appropriate",
                        RequiredFlags.of("kubelet-certificate-authority", "<path/to/ca.crt>")),
                rule("ensure-that-the-api-server-authorization-mode-argument-is-not-set-to-AlwaysAllow",
                        authorizationMode(ListFlag.mustExclude("authorization-mode", "AlwaysAllow"))),
                rule("ensure-that-the-api-server-authorization-mode-argument-includes-Node",
                        authorizationMode(ListFlag.mustInclude("authorization-mode", "Node"))),
                rule("ensure-that-the-api-server-authorization-mode-argument-includes-RBAC",
                        authorizationMode(ListFlag.mustInclude("authorization-mode", "RBAC"))),
                rule("ensure-that-the-admission-control-plugin-EventRateLimit-is-set",
                        ListFlag.mustInclude(ENABLE_PLUGINS, "EventRateLimit")),
                rule("ensure-that-the-admission-control-plugin-AlwaysAdmit-is-not-set",
                        ListFlag.mustExclude(ENABLE_PLUGINS, "AlwaysAdmit")),
                rule("ensure-that-the-admission-control-plugin-AlwaysPullImages-is-set",
                        ListFlag.mustInclude(ENABLE_PLUGINS, "AlwaysPullImages")),
                rule("ensure-that-the-admission-control-plugin-SecurityContextDeny-is-set-if-PodSecurityPolicy-is-not-used",
                        ListFlag.mustInclude(ENABLE_PLUGINS, "SecurityContextDeny", "PodSecurityPolicy")),
                // ServiceAccount and NamespaceLifecycle are on by default: only disabling them fails.
                rule("ensure-that-the-admission-control-plugin-ServiceAccount-is-set",
                        ListFlag.mustExclude(DISABLE_PLUGINS, "ServiceAccount")),
                rule("ensure-that-the-admission-control-plugin-NamespaceLifecycle-is-set",
                        ListFlag.mustExclude(DISABLE_PLUGINS, "NamespaceLifecycle")),
                rule("ensure-that-the-admission-control-plugin-NodeRestriction-is-set",
                        ListFlag.mustInclude(ENABLE_PLUGINS, "NodeRestriction")),
                rule("ensure-that-the-api-server-secure-port-argument-is-not-set-to-0",
                        ScalarFlag.mustNotBe("secure-port", "0", "6443").defaultingTo("6443")),
                rule("ensure-that-the-api-server-profiling-argument-is-set-to-false",
                        BooleanFlag.mustBe("profiling", false).defaultingTo(true)),
                rule("ensure-that-the-api-server-audit-log-path-argument-is-set",
                        RequiredFlags.of("audit-log-path", "/var/log/apiserver/audit.log")),
                rule("k8s-audit-logs-enabled-native-cis",
                        RequiredFlags.of("audit-policy-file", "<path/to/audit-policy.yaml>")),
                rule("ensure-that-the-api-server-audit-log-maxage-argument-is-set-to-30-or-as-appropriate",
                        ScalarFlag.mustBeAtLeast("audit-log-maxage", 30).defaultingTo("0")),
                rule("ensure-that-the-api-server-audit-log-maxbackup-argument-is-set-to-10-or-as-appropriate",
                        ReviewedFlag.required("audit-log-maxbackup")),
                rule("ensure-that-the-api-server-audit-log-maxsize-argument-is-set-to-100-or-as-appropriate",
                        ReviewedFlag.required("audit-log-maxsize")),
                rule("ensure-that-the-api-server-request-timeout-argument-is-set-as-appropriate",
                        ReviewedFlag.optional("request-timeout")),
                rule("ensure-that-the-api-server-service-account-lookup-argument-is-set-to-true",
                        BooleanFlag.mustBe("service-account-lookup", true)),
                rule("ensure-that-the-api-server-service-account-key-file-argument-is-set-as-appropriate",
                        RequiredFlags.of("service-account-key-file", "<path/to/key.pub>")),
                rule("ensure-that-the-api-server-service-account-extend-token-expiration-is-set-to-false",
                        BooleanFlag.mustBe("service-account-extend-token-expiration", false).defaultingTo(true)),
                rule("ensure-that-the-api-server-etcd-certfile-and-etcd-keyfile-arguments-are-set-as-appropriate",
                        RequiredFlags.of("etcd-certfile", "<path/to/client-certificate-file.crt>", "etcd-keyfile", "<path/to/client-key-file.key>")),
                rule("ensure-that-the-api-server-tls-cert-file-and-tls-private-key-file-arguments-are-set-as-appropriate",
                        RequiredFlags.of("tls-cert-file", "<path/to/tls-certificate-file.crt>", "tls-private-key-file", "<path/to/tls-key-file.key>")),
                rule("ensure-that-the-api-server-client-ca-file-argument-is-set-as-appropriate",
                        RequiredFlags.of("client-ca-file", "<path/to/client-ca.crt>")),
                rule("ensure-that-the-api-server-etcd-cafile-argument-is-set-as-appropriate",
                        RequiredFlags.of("etcd-cafile", "<path/to/ca-file.crt>")),
                rule("ensure-that-the-api-server-encryption-provider-config-argument-is-set-as-appropriate",
                        RequiredFlags.of("encryption-provider-config", "<path/to/encryption-config.yaml>")),
                rule("ensure-that-the-API-Server-only-makes-use-of-Strong-Cryptographic-Ciphers",
                        ListFlag.mustOnlyUse(CIPHERS, CipherSuites.CIS_ACCEPTED).suggesting(CipherSuites.STRONG)),
                rule("ensure-that-the-API-Server-only-makes-use-of-Strong-Cryptographic-Ciphers-cis1-10",
                        ListFlag.mustExclude(CIPHERS, CipherSuites.CIS_1_10_WEAK.toArray(String[]::new))
                                .requiredToBeSet().suggesting(CipherSuites.STRONG)));
    }

    /**
     * Without {@code --authorization-mode} the API server authorizes everything (AlwaysAllow), unless the modes
     * come from a structured {@code --authorization-config} file, which the server refuses alongside the flag.
     */
    private static FlagCheck authorizationMode(ListFlag check) {
        return check.defaultingTo("AlwaysAllow").suggesting("Node,RBAC").unlessSet("authorization-config");
    }

    private static Rule rule(String name, FlagCheck check) {
        return new ComponentFlagRule(name, API_SERVER, check);
    }
}
