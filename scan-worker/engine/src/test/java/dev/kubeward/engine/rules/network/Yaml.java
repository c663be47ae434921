package dev.kubeward.engine.rules.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ControlInputs;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.SnapshotIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test fixtures written as YAML documents, as one would write the manifests. */
final class Yaml {

    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

    private Yaml() {
    }

    static KubeObject object(String yaml) {
        try {
            return KubeObject.of(MAPPER.readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RuleContext context(String... documents) {
        List<KubeObject> objects = Arrays.stream(documents).map(Yaml::object).toList();
        return new RuleContext(SnapshotIndex.of(objects), ControlInputs.defaults());
    }

    /** Names of the objects the rule fails in this snapshot. */
    static List<String> failed(ResourceRule rule, RuleContext ctx) {
        List<String> out = new ArrayList<>();
        for (String kind : rule.kinds()) {
            for (KubeObject o : ctx.index().ofKind(kind)) {
                if (!ctx.index().judgedThroughOwner(o)) rule.check(o, ctx).forEach(v -> out.add(v.resource().name()));
            }
        }
        return out;
    }
}
