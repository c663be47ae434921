package dev.kubeward.engine.rules.security;

import dev.kubeward.engine.rule.Rule;

import java.util.ArrayList;
import java.util.List;

/**
 * Pod and container security: security contexts, host namespaces, hostPath and runtime sockets,
 * capabilities, seccomp/SELinux/AppArmor, Pod Security Admission labels and PodSecurityPolicies — Kubescape's
 * rules by their names, then the {@code kw-pss-*} rules behind our Pod Security Standards controls.
 */
public final class SecurityContextRules {

    private SecurityContextRules() {
    }

    public static List<Rule> all() {
        List<Rule> rules = new ArrayList<>(List.of(
                new NonRootContainers(),
                new AllowPrivilegeEscalation(),
                new ImmutableContainerFilesystem(),
                HostNamespaces.pidAndIpc(),
                HostNamespaces.pid(),
                HostNamespaces.ipc(),
                HostNamespaces.network(),
                new ContainerHostPort(),
                new WritableHostPath(),
                new HostPathMount(),
                new RuntimeSocketMount(),
                new InsecureCapabilities(),
                new PrivilegedContainer(),
                new LinuxHardening(),
                new SeccompRuntimeDefault(),
                new SeccompProfileSet(),
                new SeLinuxOptionsSet(),
                new DropNetRaw(),
                new ProcMountDefault(),
                new FsGroupSet(),
                new FsGroupChangePolicySet(),
                new SafeSysctls(),
                new SupplementalGroupsNotRoot(),
                WindowsOptionSet.gmsaCredentialSpecName(),
                WindowsOptionSet.runAsUserName(),
                new HostProcess(),
                PodSecurityAdmissionLabel.baseline("pod-security-admission-baseline-applied-1"),
                PodSecurityAdmissionLabel.baseline("pod-security-admission-baseline-applied-2"),
                PodSecurityAdmissionLabel.restricted("pod-security-admission-restricted-applied-1"),
                PodSecurityAdmissionLabel.restricted("pod-security-admission-restricted-applied-2"),
                new PssPrivileged(),
                PssCapabilities.baseline(),
                PssCapabilities.restricted(),
                new PssAppArmor(),
                new PssSeLinux(),
                PssSeccomp.baseline(),
                PssSeccomp.restricted(),
                new PssVolumeTypes(),
                PssRunAsNonRoot.nonRoot(),
                PssRunAsNonRoot.nonRootUser()));
        rules.addAll(PodSecurityPolicyCheck.all());
        return List.copyOf(rules);
    }
}
