package dev.kubeward.engine.rules.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ControlInputs;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;
import dev.kubeward.engine.snapshot.SnapshotIndex;

import java.io.UncheckedIOException;
import java.util.List;

/** Test fixtures: objects from YAML, and a rule run on one of them. */
final class Pods {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Pods() {
    }

    static KubeObject yaml(String yaml) {
        try {
            return KubeObject.of(YAML.readTree(yaml));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Pod named {@code p} whose spec is the given YAML, indented by two spaces. */
    static KubeObject pod(String specYaml) {
        return yaml("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n" + specYaml.stripTrailing().indent(2));
    }

    static List<Violation> run(ResourceRule rule, KubeObject object) {
        return rule.check(object, new RuleContext(SnapshotIndex.of(List.of(object)), ControlInputs.defaults()));
    }
}
