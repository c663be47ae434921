package dev.kubeward.engine.evaluation;

import dev.kubeward.engine.catalog.ControlDefinition;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.model.ObjectRef;
import dev.kubeward.engine.model.Snapshot;
import dev.kubeward.engine.rule.ControlInputs;
import dev.kubeward.engine.rule.ObjectSkipped;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.Rule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.RuleOutcome;
import dev.kubeward.engine.rule.SnapshotRule;
import dev.kubeward.engine.rule.Violation;
import dev.kubeward.engine.snapshot.SnapshotIndex;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Snapshot in, results out: indexes the objects once, runs each rule once over the kinds it matches
 * (a rule shared by several controls is evaluated once), and folds rule outcomes into control results.
 * Pure: no I/O, no shared state between evaluations; controls run in parallel.
 */
public final class Evaluator {

    private final RuleLibrary library;

    public Evaluator(RuleLibrary library) {
        this.library = library;
    }

    /** The rules this evaluator runs. */
    public RuleLibrary library() {
        return library;
    }

    public static Evaluator standard() {
        return new Evaluator(RuleLibrary.standard());
    }

    public ScanResult evaluate(Snapshot snapshot, ControlInputs inputs, Collection<ControlDefinition> controls) {
        SnapshotIndex index = new SnapshotIndex(snapshot);
        RuleContext ctx = new RuleContext(index, inputs);
        Queue skipped = new Queue();
        Map<String, RuleOutcome> outcomes = new ConcurrentHashMap<>();
        List<ControlResult> results = controls.parallelStream()
                .map(c -> evaluateControl(c, ctx, outcomes, skipped))
                .sorted(Comparator.comparing(r -> r.control().id()))
                .toList();
        return new ScanResult(snapshot.cluster(), snapshot.objects().size(), results, List.copyOf(skipped.items));
    }

    private ControlResult evaluateControl(ControlDefinition control, RuleContext ctx, Map<String, RuleOutcome> outcomes, Queue skipped) {
        if (control.manual()) return ControlResult.withoutResources(control, ControlStatus.MANUAL, "needs a human review");
        List<Rule> rules = control.rules().stream().map(library::rule).flatMap(java.util.Optional::stream).toList();
        if (rules.isEmpty()) {
            return control.needsExternalData() || !control.externalData().isEmpty()
                    ? ControlResult.withoutResources(control, ControlStatus.REQUIRES_EXTERNAL_DATA, "needs " + String.join(", ", externalOf(control)))
                    : ControlResult.withoutResources(control, ControlStatus.NOT_EVALUATED, "no rule implemented yet");
        }
        List<RuleOutcome> ruleOutcomes = new ArrayList<>();
        Map<ObjectRef, List<Named>> failures = new HashMap<>();
        for (Rule rule : rules) {
            RuleOutcome outcome = outcomes.computeIfAbsent(rule.name(), n -> run(rule, ctx, skipped));
            ruleOutcomes.add(outcome);
            for (Violation v : outcome.violations()) {
                failures.computeIfAbsent(v.resource(), k -> new ArrayList<>()).add(new Named(rule.name(), v));
            }
        }
        List<ResourceResult> failed = new ArrayList<>(failures.size());
        failures.forEach((ref, vs) -> failed.add(merge(ref, vs)));
        failed.sort(java.util.Comparator.comparing(ResourceResult::resource));
        List<ObjectRef> passed = passed(ruleOutcomes, failures.keySet());
        if (failed.isEmpty() && passed.isEmpty()) {
            String note = ctx.cluster().provider().managed()
                    ? "no matching resources (the " + ctx.cluster().provider().id().toUpperCase() + " control plane is managed and not visible)"
                    : "no matching resources";
            return ControlResult.withoutResources(control, ControlStatus.NOT_APPLICABLE, note);
        }
        return new ControlResult(control, failed.isEmpty() ? ControlStatus.PASSED : ControlStatus.FAILED, failed, passed, "");
    }

    /** Evaluated but not failed; a single rule's list is used as is, several rules' lists are merged without duplicates. */
    private static List<ObjectRef> passed(List<RuleOutcome> outcomes, Set<ObjectRef> failed) {
        List<ObjectRef> passed = new ArrayList<>();
        Set<ObjectRef> seen = outcomes.size() > 1 ? new HashSet<>() : null;
        for (RuleOutcome o : outcomes) {
            for (ObjectRef ref : o.evaluated()) {
                if (failed.contains(ref)) continue;
                if (seen == null || seen.add(ref)) passed.add(ref);
            }
        }
        passed.sort(null);
        return passed;
    }

    private static List<String> externalOf(ControlDefinition c) {
        return c.externalData().isEmpty() ? List.of("data outside the Kubernetes API") : c.externalData();
    }

    private RuleOutcome run(Rule rule, RuleContext ctx, Queue skipped) {
        if (rule instanceof SnapshotRule sr) {
            try {
                return sr.evaluate(ctx);
            } catch (RuntimeException e) {
                skipped.items.add(new SkippedInput(rule.name(), "rule failed: " + e));
                return new RuleOutcome(Set.of(), List.of());
            }
        }
        ResourceRule rr = (ResourceRule) rule;
        List<ObjectRef> evaluated = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (String kind : rr.kinds()) {
            for (KubeObject o : ctx.index().ofKind(kind)) {
                if (ctx.index().judgedThroughOwner(o) || !rr.appliesTo(o, ctx)) continue;
                try {
                    violations.addAll(rr.check(o, ctx));
                    evaluated.add(o.ref());
                } catch (ObjectSkipped e) {
                    skipped.items.add(new SkippedInput(o.ref().display(), e.getMessage()));
                } catch (RuntimeException e) {
                    skipped.items.add(new SkippedInput(o.ref().display(), "rule " + rule.name() + " could not read the object: " + e.getMessage()));
                }
            }
        }
        return new RuleOutcome(evaluated, violations);
    }

    private static ResourceResult merge(ObjectRef ref, List<Named> vs) {
        Map<String, Boolean> rules = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        List<dev.kubeward.engine.rule.FixPath> fix = new ArrayList<>();
        List<String> delete = new ArrayList<>();
        List<ObjectRef> related = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (Named n : vs) {
            rules.put(n.rule, true);
            n.v.failedPaths().stream().filter(p -> !failed.contains(p)).forEach(failed::add);
            n.v.fixPaths().stream().filter(p -> !fix.contains(p)).forEach(fix::add);
            n.v.deletePaths().stream().filter(p -> !delete.contains(p)).forEach(delete::add);
            n.v.related().stream().filter(p -> !related.contains(p)).forEach(related::add);
            if (!n.v.message().isEmpty() && !messages.contains(n.v.message())) messages.add(n.v.message());
        }
        return new ResourceResult(ref, true, List.copyOf(rules.keySet()), String.join("; ", messages), failed, fix, delete, related);
    }

    private record Named(String rule, Violation v) {
    }

    private static final class Queue {
        final ConcurrentLinkedQueue<SkippedInput> items = new ConcurrentLinkedQueue<>();
    }
}
