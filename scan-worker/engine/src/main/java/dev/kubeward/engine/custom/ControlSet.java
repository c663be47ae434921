package dev.kubeward.engine.custom;

import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.catalog.ControlDefinition;
import dev.kubeward.engine.evaluation.Evaluator;
import dev.kubeward.engine.evaluation.RuleLibrary;
import dev.kubeward.engine.evaluation.ScanResult;
import dev.kubeward.engine.model.Snapshot;
import dev.kubeward.engine.rule.ControlInputs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The controls one tenant is scanned with: the catalogue's plus its custom controls, and a rule library that
 * holds the custom rules next to the standard ones. Custom controls belong to no framework, so framework
 * scores are those of the catalogue alone.
 */
public final class ControlSet {

    private final List<ControlDefinition> controls;
    private final List<CompiledCustomControl> custom;
    private final Evaluator evaluator;

    private ControlSet(List<ControlDefinition> controls, List<CompiledCustomControl> custom, RuleLibrary library) {
        this.controls = List.copyOf(controls);
        this.custom = List.copyOf(custom);
        this.evaluator = new Evaluator(library);
    }

    /** The standard catalogue and rules with these custom controls. */
    public static ControlSet standardWith(Collection<CompiledCustomControl> custom) {
        return of(ControlCatalog.standard(), RuleLibrary.standard(), custom);
    }

    public static ControlSet of(ControlCatalog catalog, RuleLibrary library, Collection<CompiledCustomControl> custom) {
        Set<String> ids = new HashSet<>();
        catalog.controls().forEach(c -> ids.add(c.id()));
        List<ControlDefinition> controls = new ArrayList<>(catalog.controls());
        for (CompiledCustomControl c : custom) {
            if (!ids.add(c.control().id())) throw new IllegalArgumentException("control defined twice: " + c.control().id());
            controls.add(c.control().toDefinition());
        }
        return new ControlSet(controls, List.copyOf(custom), custom.isEmpty() ? library : library.with(custom));
    }

    public List<ControlDefinition> controls() {
        return controls;
    }

    public List<CompiledCustomControl> custom() {
        return custom;
    }

    public Evaluator evaluator() {
        return evaluator;
    }

    public ScanResult evaluate(Snapshot snapshot, ControlInputs inputs) {
        return evaluator.evaluate(snapshot, inputs, controls);
    }
}
