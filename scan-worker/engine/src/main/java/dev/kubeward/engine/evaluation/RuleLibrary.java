package dev.kubeward.engine.evaluation;

import dev.kubeward.engine.rule.Rule;
import dev.kubeward.engine.rules.RuleSets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every rule we implement, by Kubescape rule name. */
public final class RuleLibrary {

    private static final RuleLibrary STANDARD = new RuleLibrary(RuleSets.all());
    private final Map<String, Rule> rules;

    public RuleLibrary(List<Rule> rules) {
        Map<String, Rule> m = new LinkedHashMap<>();
        for (Rule r : rules) {
            if (m.put(r.name(), r) != null) throw new IllegalStateException("rule defined twice: " + r.name());
        }
        this.rules = Map.copyOf(m);
    }

    public static RuleLibrary standard() {
        return STANDARD;
    }

    /** This library plus more rules (a tenant's custom controls); a name already taken is an error. */
    public RuleLibrary with(Collection<? extends Rule> more) {
        List<Rule> all = new ArrayList<>(rules.values());
        all.addAll(more);
        return new RuleLibrary(all);
    }

    public Optional<Rule> rule(String name) {
        return Optional.ofNullable(rules.get(name));
    }

    public boolean has(String name) {
        return rules.containsKey(name);
    }

    public Map<String, Rule> all() {
        return rules;
    }
}
