package dev.kubeward.engine.rules.hygiene;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * C-0295: a container that defines the same environment variable name twice; the last entry silently wins.
 * Every entry of a duplicated name is reported, so a reader sees all the places to reconcile.
 */
final class DuplicateEnvVarRule extends PodTemplateRule {

    @Override
    public String name() {
        return "duplicate-env-var";
    }

    @Override
    List<Violation> check(PodTemplate template, RuleContext ctx) {
        Violation.Builder v = Violation.on(template.owner());
        List<String> found = new ArrayList<>();
        for (PodTemplate.Container c : template.allContainers()) {
            JsonNode env = c.json().path("env");
            Map<String, List<Integer>> positions = new HashMap<>();
            for (int j = 0; j < env.size(); j++) {
                positions.computeIfAbsent(env.get(j).path("name").asText(), k -> new ArrayList<>()).add(j);
            }
            Set<String> duplicated = new LinkedHashSet<>();
            for (int j = 0; j < env.size(); j++) {
                String name = env.get(j).path("name").asText();
                if (positions.get(name).size() > 1) {
                    v.failed(c.path() + ".env[" + j + "].name");
                    duplicated.add(name);
                }
            }
            duplicated.forEach(name -> found.add(name + " in container " + c.name()));
        }
        return v.message("duplicate environment variables: " + String.join(", ", found)).buildIfAny();
    }
}
