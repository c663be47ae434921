package dev.kubeward.engine.rules.cluster;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * C-0264: a PersistentVolume provisioned from a StorageClass that does not encrypt at rest. Encrypted means
 * the class asks for it ({@code parameters.encrypted: "true"}, as AWS EBS and Ceph do) or the platform
 * always encrypts disks (Azure, Google persistent disks). A volume whose class is not in the snapshot is not
 * judged.
 */
final class PersistentVolumeWithoutEncryption implements ResourceRule {

    private static final List<String> ALWAYS_ENCRYPTED = List.of("azure", "csi.storage.gke.io", "kubernetes.io/gce-pd");

    @Override
    public String name() {
        return "pv-without-encryption";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("PersistentVolume");
    }

    @Override
    public List<Violation> check(KubeObject volume, RuleContext ctx) {
        String className = volume.spec().path("storageClassName").asText("");
        if (className.isEmpty()) className = volume.annotations().path("volume.beta.kubernetes.io/storage-class").asText("");
        if (className.isEmpty()) return List.of();
        String wanted = className;
        Optional<KubeObject> storageClass = ctx.index().ofKind("StorageClass").stream()
                .filter(sc -> wanted.equals(sc.name())).findFirst();
        if (storageClass.isEmpty() || encrypted(storageClass.get())) return List.of();
        return List.of(Violation.on(volume).related(storageClass.get())
                .message("volume uses StorageClass " + className + ", which does not encrypt at rest")
                .failed("spec.storageClassName")
                .fix("spec.storageClassName", "<your encrypted storage class>")
                .build());
    }

    static boolean encrypted(KubeObject storageClass) {
        if ("true".equalsIgnoreCase(storageClass.json().path("parameters").path("encrypted").asText())) return true;
        String provisioner = storageClass.json().path("provisioner").asText("");
        return ALWAYS_ENCRYPTED.stream().anyMatch(provisioner::contains);
    }
}
