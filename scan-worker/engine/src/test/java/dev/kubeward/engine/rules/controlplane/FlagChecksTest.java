package dev.kubeward.engine.rules.controlplane;

import dev.kubeward.engine.rule.FixPath;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.kubeward.engine.rules.controlplane.CommandLineTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

class FlagChecksTest {

    @Test
    void booleanFlagJudgesAnUnsetFlagByTheBinaryDefault() {
        BooleanFlag anonymousAuth = BooleanFlag.mustBe("anonymous-auth", false).defaultingTo(true);

        FlagFinding finding = anonymousAuth.check(parse("kube-apiserver", "--secure-port=6443")).orElseThrow();
        assertThat(finding.failedPaths()).isEmpty();
        assertThat(finding.fixes()).containsExactly(new FixPath("spec.containers[0].command[2]", "--anonymous-auth=false"));
        assertThat(BooleanFlag.mustBe("service-account-lookup", true).check(parse("kube-apiserver"))).isEmpty();
    }

    @Test
    void booleanFlagRewritesTheOffendingEntry() {
        FlagFinding finding = BooleanFlag.mustBe("profiling", false)
                .check(parse("kube-scheduler", "--profiling", "--bind-address=127.0.0.1")).orElseThrow();

        assertThat(finding.failedPaths()).containsExactly("spec.containers[0].command[1]");
        assertThat(finding.fixes()).containsExactly(new FixPath("spec.containers[0].command[1]", "--profiling=false"));
    }

    @Test
    void scalarFlagPassesWhenTheDefaultIsAcceptable() {
        ScalarFlag securePort = ScalarFlag.mustNotBe("secure-port", "0", "6443").defaultingTo("6443");

        assertThat(securePort.check(parse("kube-apiserver"))).isEmpty();
        assertThat(securePort.check(parse("kube-apiserver", "--secure-port=0"))).isPresent();
    }

    @Test
    void numericMinimumRejectsSmallAndUnreadableValues() {
        ScalarFlag maxAge = ScalarFlag.mustBeAtLeast("audit-log-maxage", 30);

        assertThat(maxAge.check(parse("kube-apiserver", "--audit-log-maxage=30"))).isEmpty();
        assertThat(maxAge.check(parse("kube-apiserver", "--audit-log-maxage=7"))).isPresent();
        assertThat(maxAge.check(parse("kube-apiserver", "--audit-log-maxage=thirty"))).isPresent();
        assertThat(maxAge.check(parse("kube-apiserver"))).isPresent();
    }

    @Test
    void bindAddressMustBeLoopbackAndDefaultsToAllInterfaces() {
        ScalarFlag bind = ScalarFlag.mustBeLoopback("bind-address").defaultingTo("0.0.0.0");

        assertThat(bind.check(parse("kube-scheduler", "--bind-address=127.0.0.1"))).isEmpty();
        assertThat(bind.check(parse("kube-scheduler", "--bind-address=::1"))).isEmpty();
        assertThat(bind.check(parse("kube-scheduler"))).isPresent();
        assertThat(bind.check(parse("kube-scheduler", "--bind-address", "10.0.0.5")).orElseThrow().fixes())
                .containsExactly(new FixPath("spec.containers[0].command[2]", "127.0.0.1"));
    }

    @Test
    void requiredFlagsAppendConsecutiveEntriesForWhatIsMissing() {
        RequiredFlags tls = RequiredFlags.of("cert-file", "<cert>", "key-file", "<key>");

        FlagFinding finding = tls.check(parse(List.of("etcd"), List.of("--name=a", "--key-file="))).orElseThrow();
        assertThat(finding.fixes()).containsExactly(
                new FixPath("spec.containers[0].args[2]", "--cert-file=<cert>"),
                new FixPath("spec.containers[0].args[3]", "--key-file=<key>"));
    }

    @Test
    void listFlagAppendsTheMissingPluginToTheLastOccurrence() {
        FlagFinding finding = ListFlag.mustInclude("enable-admission-plugins", "NodeRestriction")
                .check(parse("kube-apiserver", "--enable-admission-plugins=NamespaceLifecycle")).orElseThrow();

        assertThat(finding.fixes()).containsExactly(
                new FixPath("spec.containers[0].command[1]", "--enable-admission-plugins=NamespaceLifecycle,NodeRestriction"));
    }

    @Test
    void listFlagExclusionRemovesTheItemOrDeletesTheFlag() {
        ListFlag noAlwaysAdmit = ListFlag.mustExclude("enable-admission-plugins", "AlwaysAdmit");

        assertThat(noAlwaysAdmit.check(parse("kube-apiserver", "--enable-admission-plugins=AlwaysAdmit,NodeRestriction"))
                .orElseThrow().fixes())
                .containsExactly(new FixPath("spec.containers[0].command[1]", "--enable-admission-plugins=NodeRestriction"));
        assertThat(noAlwaysAdmit.check(parse("kube-apiserver", "--enable-admission-plugins=AlwaysAdmit")).orElseThrow().deletePaths())
                .containsExactly("spec.containers[0].command[1]");
        assertThat(noAlwaysAdmit.check(parse("kube-apiserver"))).isEmpty();
    }

    @Test
    void unsetAuthorizationModeMeansAlwaysAllowUnlessAnAuthorizationConfigIsGiven() {
        FlagCheck noAlwaysAllow = ListFlag.mustExclude("authorization-mode", "AlwaysAllow")
                .defaultingTo("AlwaysAllow").suggesting("Node,RBAC").unlessSet("authorization-config");

        assertThat(noAlwaysAllow.check(parse("kube-apiserver")).orElseThrow().fixes())
                .containsExactly(new FixPath("spec.containers[0].command[1]", "--authorization-mode=Node,RBAC"));
        assertThat(noAlwaysAllow.check(parse("kube-apiserver", "--authorization-config=/etc/kubernetes/authz.yaml"))).isEmpty();
        assertThat(noAlwaysAllow.check(parse("kube-apiserver", "--authorization-mode=Node,RBAC"))).isEmpty();
    }

    @Test
    void onlyAllowedCipherSuitesPass() {
        ListFlag strong = ListFlag.mustOnlyUse("tls-cipher-suites", CipherSuites.CIS_ACCEPTED).suggesting(CipherSuites.STRONG);

        assertThat(strong.check(parse("kube-apiserver", "--tls-cipher-suites=TLS_AES_128_GCM_SHA256"))).isEmpty();
        assertThat(strong.check(parse("kube-apiserver", "--tls-cipher-suites=TLS_AES_128_GCM_SHA256,TLS_RSA_WITH_RC4_128_SHA"))
                .orElseThrow().fixes())
                .containsExactly(new FixPath("spec.containers[0].command[1]", "--tls-cipher-suites=TLS_AES_128_GCM_SHA256"));
        assertThat(strong.check(parse("kube-apiserver"))).isPresent();
    }

    @Test
    void featureGateFailsOnlyWhenTurnedOff() {
        FeatureGate rotate = new FeatureGate("RotateKubeletServerCertificate");

        assertThat(rotate.check(parse("kube-controller-manager"))).isEmpty();
        assertThat(rotate.check(parse("kube-controller-manager", "--feature-gates=Foo=true,RotateKubeletServerCertificate=false"))
                .orElseThrow().fixes())
                .containsExactly(new FixPath("spec.containers[0].command[1]", "--feature-gates=Foo=true,RotateKubeletServerCertificate=true"));
    }

    @Test
    void reviewedFlagIsReportedWhenSetAndWhenRequiredButUnset() {
        assertThat(ReviewedFlag.required("audit-log-maxbackup").check(parse("kube-apiserver", "--audit-log-maxbackup=10"))
                .orElseThrow().failedPaths()).containsExactly("spec.containers[0].command[1]");
        assertThat(ReviewedFlag.optional("request-timeout").check(parse("kube-apiserver"))).isEmpty();
    }

    @Test
    void forbiddenFlagDeletesTheFlagAndItsSeparateValue() {
        FlagFinding finding = new ForbiddenFlag("token-auth-file")
                .check(parse("kube-apiserver", "--token-auth-file", "/tokens.csv")).orElseThrow();

        assertThat(finding.deletePaths()).containsExactly("spec.containers[0].command[1]", "spec.containers[0].command[2]");
    }
}
