package dev.kubeward.engine.rules.security;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.FixPath;
import dev.kubeward.engine.rule.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.kubeward.engine.rules.security.Pods.pod;
import static dev.kubeward.engine.rules.security.Pods.run;
import static org.assertj.core.api.Assertions.assertThat;

class PodSecurityRulesTest {

    @Test
    void containerRunAsNonRootFalseOverridesThePodsTrue() {
        KubeObject p = pod("""
                securityContext: {runAsNonRoot: true, runAsGroup: 1000}
                containers:
                - name: a
                  securityContext: {runAsNonRoot: false}
                - name: b
                """);
        List<Violation> v = run(new NonRootContainers(), p);
        assertThat(v).singleElement().extracting(Violation::fixPaths).asList()
                .containsExactly(new FixPath("spec.containers[0].securityContext.runAsNonRoot", "true"));
    }

    @Test
    void runAsUserSetOnThePodIsFixedWhereItIsSet() {
        KubeObject p = pod("""
                securityContext: {runAsUser: 0, runAsGroup: 10}
                initContainers:
                - name: init
                containers:
                - name: app
                """);
        assertThat(run(new NonRootContainers(), p)).singleElement().extracting(Violation::fixPaths).asList()
                .containsExactly(new FixPath("spec.securityContext.runAsUser", "1000"));
    }

    @Test
    void hostPortZeroMeansNoHostPort() {
        KubeObject p = pod("""
                containers:
                - name: a
                  ports: [{containerPort: 80, hostPort: 0}, {containerPort: 81, hostPort: 8081}]
                """);
        assertThat(run(new ContainerHostPort(), p)).singleElement().extracting(Violation::failedPaths).asList()
                .containsExactly("spec.containers[0].ports[1].hostPort");
    }

    @Test
    void capabilitiesMatchWhateverTheSpelling() {
        KubeObject p = pod("""
                containers:
                - name: a
                  securityContext: {capabilities: {add: [cap_sys_admin]}}
                """);
        assertThat(run(new PrivilegedContainer(), p)).singleElement().extracting(Violation::failedPaths).asList()
                .containsExactly("spec.containers[0].securityContext.capabilities.add[0]");
    }

    @Test
    void droppingAllDropsNetRaw() {
        KubeObject p = pod("""
                containers:
                - name: a
                  securityContext: {capabilities: {drop: [ALL]}}
                - name: b
                  securityContext: {capabilities: {drop: [CHOWN]}}
                """);
        assertThat(run(new DropNetRaw(), p)).singleElement().extracting(Violation::fixPaths).asList()
                .containsExactly(new FixPath("spec.containers[1].securityContext.capabilities.drop[1]", "NET_RAW"));
    }

    @Test
    void runtimeSocketPathsAreRecognisedWithATrailingSlash() {
        assertThat(RuntimeSocketMount.isRuntimePath("/var/run/docker.sock/")).isTrue();
        assertThat(RuntimeSocketMount.isRuntimePath("/run/containerd/containerd.sock")).isTrue();
        assertThat(RuntimeSocketMount.isRuntimePath("/var/run")).isFalse();
    }

    @Test
    void unsafeSysctlsFailAndSafeOnesPass() {
        KubeObject p = pod("""
                securityContext:
                  sysctls: [{name: net.ipv4.tcp_syncookies, value: "1"}, {name: kernel.msgmax, value: "65536"}]
                containers: [{name: a}]
                """);
        assertThat(run(new SafeSysctls(), p)).singleElement().extracting(Violation::failedPaths).asList()
                .containsExactly("spec.securityContext.sysctls[1]");
    }

    @Test
    void windowsOptionsAreOnlyRequiredOfWindowsPods() {
        KubeObject linux = pod("containers: [{name: a}]");
        KubeObject windows = pod("""
                nodeSelector: {kubernetes.io/os: windows}
                containers: [{name: a}]
                """);
        assertThat(run(WindowsOptionSet.runAsUserName(), linux)).isEmpty();
        assertThat(run(WindowsOptionSet.runAsUserName(), windows)).hasSize(1);
    }

    @Test
    void restrictedSeccompAcceptsLocalhostButBaselineOnlyRejectsUnconfined() {
        KubeObject localhost = pod("""
                securityContext: {seccompProfile: {type: Localhost, localhostProfile: p.json}}
                containers: [{name: a}]
                """);
        KubeObject unset = pod("containers: [{name: a}]");
        KubeObject unconfined = pod("""
                containers:
                - name: a
                  securityContext: {seccompProfile: {type: Unconfined}}
                """);
        assertThat(run(PssSeccomp.restricted(), localhost)).isEmpty();
        assertThat(run(PssSeccomp.restricted(), unset)).hasSize(1);
        assertThat(run(PssSeccomp.baseline(), unset)).isEmpty();
        assertThat(run(PssSeccomp.baseline(), unconfined)).singleElement().extracting(Violation::failedPaths).asList()
                .containsExactly("spec.containers[0].securityContext.seccompProfile.type");
    }

    @Test
    void restrictedVolumeTypesRejectHostPathAndNfsOnly() {
        KubeObject p = pod("""
                containers: [{name: a}]
                volumes:
                - {name: cfg, configMap: {name: c}}
                - {name: host, hostPath: {path: /etc}}
                - {name: share, nfs: {server: s, path: /x}}
                - {name: data, persistentVolumeClaim: {claimName: d}}
                """);
        assertThat(run(new PssVolumeTypes(), p)).singleElement().extracting(Violation::failedPaths).asList()
                .containsExactly("spec.volumes[1].hostPath", "spec.volumes[2].nfs");
    }

    @Test
    void restrictedCapabilitiesRequireDropAllAndAllowOnlyNetBindService() {
        KubeObject ok = pod("""
                containers:
                - name: a
                  securityContext: {capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}}
                """);
        KubeObject bad = pod("""
                containers:
                - name: a
                  securityContext: {capabilities: {add: [CHOWN]}}
                """);
        assertThat(run(PssCapabilities.restricted(), ok)).isEmpty();
        Violation v = run(PssCapabilities.restricted(), bad).get(0);
        assertThat(v.failedPaths()).containsExactly("spec.containers[0].securityContext.capabilities.add[0]");
        assertThat(v.fixPaths()).containsExactly(new FixPath("spec.containers[0].securityContext.capabilities.drop[0]", "ALL"));
        assertThat(run(PssCapabilities.baseline(), bad)).isEmpty();
    }

    @Test
    void appArmorAnnotationUnconfinedFails() {
        KubeObject p = Pods.yaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d}
                spec:
                  template:
                    metadata:
                      annotations:
                        container.apparmor.security.beta.kubernetes.io/a: unconfined
                        container.apparmor.security.beta.kubernetes.io/b: localhost/my-profile
                    spec:
                      containers: [{name: a}, {name: b}]
                """);
        assertThat(run(new PssAppArmor(), p)).singleElement().extracting(Violation::failedPaths).asList()
                .containsExactly("spec.template.metadata.annotations[container.apparmor.security.beta.kubernetes.io/a]");
    }

    @Test
    void pssRunAsNonRootFailsWhenThePodSetsFalseEvenIfContainersSetTrue() {
        KubeObject p = pod("""
                securityContext: {runAsNonRoot: false}
                containers:
                - name: a
                  securityContext: {runAsNonRoot: true}
                """);
        assertThat(run(PssRunAsNonRoot.nonRoot(), p)).singleElement().extracting(Violation::failedPaths).asList()
                .containsExactly("spec.securityContext.runAsNonRoot");
    }
}
