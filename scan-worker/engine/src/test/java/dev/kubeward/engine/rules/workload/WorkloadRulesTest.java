package dev.kubeward.engine.rules.workload;

import dev.kubeward.engine.model.ClusterInfo.Provider;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.FixPath;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.kubeward.engine.rules.workload.Manifests.context;
import static dev.kubeward.engine.rules.workload.Manifests.object;
import static org.assertj.core.api.Assertions.assertThat;

/** Behaviour of the workload rules beyond what Kubescape's cases show. */
class WorkloadRulesTest {

    private static KubeObject pod(String spec) {
        return object("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','namespace':'team'},'spec':" + spec + "}");
    }

    @Test
    void tokenIsNotMountedWhenTheServiceAccountOptsOutAndThePodIsSilent() {
        KubeObject pod = pod("{'serviceAccountName':'runner','containers':[{'name':'c','image':'x'}]}");
        KubeObject account = object("{'kind':'ServiceAccount','metadata':{'name':'runner','namespace':'team'},"
                + "'automountServiceAccountToken':false}");
        assertThat(new ServiceAccountTokenAutomount().check(pod, context(pod, account))).isEmpty();
    }

    @Test
    void podSettingWinsOverTheServiceAccount() {
        KubeObject pod = pod("{'serviceAccountName':'runner','automountServiceAccountToken':true,'containers':[]}");
        KubeObject account = object("{'kind':'ServiceAccount','metadata':{'name':'runner','namespace':'team'},"
                + "'automountServiceAccountToken':false}");
        List<Violation> v = new ServiceAccountTokenAutomount().check(pod, context(pod, account));
        assertThat(v).singleElement().satisfies(x -> assertThat(x.failedPaths()).containsExactly("spec.automountServiceAccountToken"));
    }

    @Test
    void anUnseenServiceAccountIsTakenAtKubernetesDefault() {
        KubeObject pod = pod("{'containers':[]}");
        assertThat(new ServiceAccountTokenAutomount().check(pod, context(pod))).singleElement()
                .satisfies(x -> assertThat(x.fixPaths()).containsExactly(new FixPath("spec.automountServiceAccountToken", "false")));
    }

    @Test
    void aServiceAccountOfAnotherNamespaceDoesNotCount() {
        KubeObject pod = pod("{'containers':[]}");
        KubeObject elsewhere = object("{'kind':'ServiceAccount','metadata':{'name':'default','namespace':'other'},"
                + "'automountServiceAccountToken':false}");
        assertThat(new ServiceAccountTokenAutomount().check(pod, context(pod, elsewhere))).hasSize(1);
    }

    @Test
    void credentialHostPathIsFlaggedOnlyOnItsCloud() {
        KubeObject pod = pod("{'containers':[{'name':'c','image':'x','volumeMounts':[{'name':'aws','mountPath':'/creds'}]}],"
                + "'volumes':[{'name':'aws','hostPath':{'path':'/.aws/credentials'}}]}");
        CloudCredentialsMount rule = new CloudCredentialsMount();
        assertThat(rule.check(pod, context(Provider.EKS, pod))).singleElement().satisfies(x -> assertThat(x.failedPaths())
                .containsExactly("spec.volumes[0]", "spec.containers[0].volumeMounts[0]"));
        assertThat(rule.check(pod, context(Provider.GKE, pod))).isEmpty();
        assertThat(rule.check(pod, context(pod))).isEmpty();
    }

    @Test
    void credentialFilesAreComparedWithoutTrailingSlash() {
        assertThat(CloudCredentialsMount.normalize("/etc/kubernetes/azure.json")).isEqualTo("/etc/kubernetes/azure.json");
        assertThat(CloudCredentialsMount.normalize("/.aws")).isEqualTo("/.aws/");
        assertThat(CloudCredentialsMount.normalize("/.aws/")).isEqualTo("/.aws/");
    }

    @Test
    void defaultAccountNamedByItsUserNameIsStillTheDefaultAccount() {
        KubeObject binding = object("{'kind':'ClusterRoleBinding','metadata':{'name':'b'},'roleRef':{'name':'admin'},"
                + "'subjects':[{'kind':'User','name':'system:serviceaccount:apps:default'},"
                + "{'kind':'ServiceAccount','name':'builder','namespace':'apps'}]}");
        assertThat(new DefaultServiceAccountBindings().check(binding, context(binding))).singleElement()
                .satisfies(x -> assertThat(x.failedPaths()).containsExactly("subjects[0]"));
    }

    @Test
    void bootstrapBindingsOfKubernetesAreExpected() {
        KubeObject binding = object("{'kind':'ClusterRoleBinding','metadata':{'name':'b','labels':"
                + "{'kubernetes.io/bootstrapping':'rbac-defaults'}},'subjects':[{'kind':'ServiceAccount','name':'default','namespace':'x'}]}");
        assertThat(new DefaultServiceAccountBindings().check(binding, context(binding))).isEmpty();
    }

    @Test
    void sshServiceSelectsPodsByLabelSubsetInItsOwnNamespace() {
        KubeObject pod = object("{'kind':'Pod','metadata':{'name':'p','namespace':'team','labels':{'app':'a','tier':'web'}},"
                + "'spec':{'containers':[]}}");
        KubeObject ssh = object("{'kind':'Service','metadata':{'name':'s','namespace':'team'},"
                + "'spec':{'selector':{'app':'a'},'ports':[{'port':8022,'targetPort':22}]}}");
        KubeObject elsewhere = object("{'kind':'Service','metadata':{'name':'s2','namespace':'other'},"
                + "'spec':{'selector':{'app':'a'},'ports':[{'port':22}]}}");
        SshServiceExposure rule = new SshServiceExposure();
        assertThat(rule.check(pod, context(pod, ssh))).singleElement()
                .satisfies(x -> assertThat(x.failedPaths()).containsExactly("metadata.labels"));
        assertThat(rule.check(pod, context(pod, elsewhere))).isEmpty();
    }

    @Test
    void pullPolicyMattersOnlyForMovingImages() {
        LatestImagePullPolicy rule = new LatestImagePullPolicy();
        KubeObject pinned = pod("{'containers':[{'name':'c','image':'app:latest@sha256:abc','imagePullPolicy':'IfNotPresent'}]}");
        KubeObject unset = pod("{'containers':[{'name':'c','image':'app'}]}");
        KubeObject registryPort = pod("{'containers':[{'name':'c','image':'localhost:5000/app','imagePullPolicy':'Never'}]}");
        assertThat(rule.check(pinned, context(pinned))).isEmpty();
        assertThat(rule.check(unset, context(unset))).isEmpty();
        assertThat(rule.check(registryPort, context(registryPort))).hasSize(1);
    }

    @Test
    void sudoIsMatchedAsAWord() {
        SudoInEntrypoint rule = new SudoInEntrypoint();
        KubeObject sudo = pod("{'containers':[{'name':'c','image':'x','command':['/bin/sh','-c','/usr/bin/sudo -u app run']}]}");
        KubeObject pseudo = pod("{'containers':[{'name':'c','image':'x','command':['pseudo-terminal']}]}");
        assertThat(rule.check(sudo, context(sudo))).singleElement()
                .satisfies(x -> assertThat(x.failedPaths()).containsExactly("spec.containers[0].command[2]"));
        assertThat(rule.check(pseudo, context(pseudo))).isEmpty();
    }

    @Test
    void kubernetesOwnObjectsInDefaultAreNotATenantsUse() {
        InDefaultNamespace services = InDefaultNamespace.all().stream()
                .filter(r -> r.name().equals("service-in-default-namespace")).findFirst().orElseThrow();
        KubeObject apiServer = object("{'kind':'Service','metadata':{'name':'kubernetes','namespace':'default'}}");
        KubeObject fromManifest = object("{'kind':'Service','metadata':{'name':'kubernetes'}}");
        RuleContext ctx = context(apiServer, fromManifest);
        assertThat(services.check(apiServer, ctx)).isEmpty();
        assertThat(services.check(fromManifest, ctx)).singleElement()
                .satisfies(x -> assertThat(x.fixPaths()).containsExactly(new FixPath("metadata.namespace", "YOUR_NAMESPACE")));
    }

    @Test
    void vulnerableReleasesAreRecognisedFromTheTag() {
        VulnerableImage argo = VulnerableImage.all().get(0);
        KubeObject old = pod("{'containers':[{'name':'c','image':'quay.io/argoproj/argocd:v2.1.8'}]}");
        KubeObject fixed = pod("{'containers':[{'name':'c','image':'quay.io/argoproj/argocd:v2.2.4'}]}");
        assertThat(argo.check(old, context(old))).hasSize(1);
        assertThat(argo.check(fixed, context(fixed))).isEmpty();
    }

    @Test
    void containerdReleasesBeforeTheFixAreVulnerable() {
        ContainerdFsEscape rule = new ContainerdFsEscape();
        KubeObject old = object("{'kind':'Node','metadata':{'name':'n'},'status':{'nodeInfo':{'containerRuntimeVersion':'containerd://1.5.9'}}}");
        KubeObject fixed = object("{'kind':'Node','metadata':{'name':'n'},'status':{'nodeInfo':{'containerRuntimeVersion':'containerd://1.6.1'}}}");
        assertThat(rule.check(old, context(old))).hasSize(1);
        assertThat(rule.check(fixed, context(fixed))).isEmpty();
    }

    @Test
    void everyRuleHasAKubescapeNameOnce() {
        assertThat(WorkloadRules.all()).hasSize(46)
                .extracting(r -> r.name()).doesNotHaveDuplicates().contains("ensure-default-service-accounts-has-only-default-roles");
    }
}
