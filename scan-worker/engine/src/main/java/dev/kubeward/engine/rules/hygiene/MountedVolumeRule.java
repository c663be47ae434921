package dev.kubeward.engine.rules.hygiene;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * C-0255, C-0257, C-0258: a workload whose containers mount a Secret, a PersistentVolumeClaim or a ConfigMap
 * that exists in its namespace. One class, three declarative entries ({@link Source}).
 * NB: a volume that is declared but mounted by no container gives no access, so only mounts are reported;
 * init and ephemeral containers count too, since their mounts read the same data.
 */
final class MountedVolumeRule extends PodTemplateRule {

    /** What a volume refers to: the volume source field, the field naming the object, and the object's kind. */
    enum Source {
        SECRET("workload-mounted-secrets", "Secret", "secret", "secretName"),
        PVC("workload-mounted-pvc", "PersistentVolumeClaim", "persistentVolumeClaim", "claimName"),
        CONFIG_MAP("workload-mounted-configmap", "ConfigMap", "configMap", "name");

        final String rule;
        final String kind;
        final String field;
        final String nameField;

        Source(String rule, String kind, String field, String nameField) {
            this.rule = rule;
            this.kind = kind;
            this.field = field;
            this.nameField = nameField;
        }
    }

    private final Source source;

    MountedVolumeRule(Source source) {
        this.source = source;
    }

    @Override
    public String name() {
        return source.rule;
    }

    @Override
    List<Violation> check(PodTemplate template, RuleContext ctx) {
        Map<String, List<KubeObject>> byVolume = referencedObjects(template, ctx);
        if (byVolume.isEmpty()) return List.of();
        Violation.Builder v = Violation.on(template.owner());
        List<String> mounted = new ArrayList<>();
        for (PodTemplate.Container c : template.allContainers()) {
            JsonNode mounts = c.json().path("volumeMounts");
            for (int k = 0; k < mounts.size(); k++) {
                List<KubeObject> objects = byVolume.get(mounts.get(k).path("name").asText());
                if (objects == null) continue;
                String path = c.path() + ".volumeMounts[" + k + "]";
                v.failed(path).delete(path);
                for (KubeObject o : objects) {
                    if (!mounted.contains(o.name())) {
                        mounted.add(o.name());
                        v.related(o);
                    }
                }
            }
        }
        return v.message(template.owner().kind() + " " + template.owner().name() + " mounts " + source.kind + " "
                + String.join(", ", mounted)).buildIfAny();
    }

    /** Volume name → the objects of our kind it brings into the pod, for those present in the snapshot. */
    private Map<String, List<KubeObject>> referencedObjects(PodTemplate template, RuleContext ctx) {
        Map<String, List<KubeObject>> byVolume = new LinkedHashMap<>();
        for (JsonNode volume : template.volumes()) {
            List<KubeObject> found = new ArrayList<>();
            JsonNode direct = volume.path(source.field);
            if (direct.isObject()) find(direct.path(source.nameField).asText(""), template, ctx).ifPresent(found::add);
            if (source != Source.PVC) {
                // projected volumes gather Secrets and ConfigMaps under one mount; they grant the same access
                for (JsonNode projected : volume.path("projected").path("sources")) {
                    JsonNode ref = projected.path(source.field);
                    if (ref.isObject()) find(ref.path("name").asText(""), template, ctx).ifPresent(found::add);
                }
            }
            if (!found.isEmpty()) byVolume.put(volume.path("name").asText(), found);
        }
        if (source == Source.PVC) byVolume.putAll(statefulSetClaims(template, ctx));
        return byVolume;
    }

    /**
     * A StatefulSet mounts its {@code volumeClaimTemplates} by name without listing them under volumes; the
     * controller creates one claim per replica, named {@code <template>-<statefulset>-<ordinal>}.
     */
    private Map<String, List<KubeObject>> statefulSetClaims(PodTemplate template, RuleContext ctx) {
        KubeObject owner = template.owner();
        if (!owner.kind().equals("StatefulSet")) return Map.of();
        Map<String, List<KubeObject>> byVolume = new LinkedHashMap<>();
        for (JsonNode claimTemplate : owner.spec().path("volumeClaimTemplates")) {
            String volume = claimTemplate.path("metadata").path("name").asText("");
            if (volume.isEmpty()) continue;
            Pattern claimName = Pattern.compile(Pattern.quote(volume + "-" + owner.name() + "-") + "[0-9]+");
            List<KubeObject> claims = ctx.index().ofKindInNamespace(source.kind, owner.namespace()).stream()
                    .filter(pvc -> pvc.name() != null && claimName.matcher(pvc.name()).matches())
                    .toList();
            if (!claims.isEmpty()) byVolume.put(volume, claims);
        }
        return byVolume;
    }

    private Optional<KubeObject> find(String name, PodTemplate template, RuleContext ctx) {
        if (name.isEmpty()) return Optional.empty();
        return ctx.index().ofKindInNamespace(source.kind, template.namespace()).stream()
                .filter(o -> name.equals(o.name()))
                .findFirst();
    }
}
