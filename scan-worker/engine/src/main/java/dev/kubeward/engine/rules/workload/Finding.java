package dev.kubeward.engine.rules.workload;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.model.ObjectRef;
import dev.kubeward.engine.rule.Violation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a rule found wrong on one object while walking it: paths as {@link Violation.Builder} keeps them, plus
 * one sentence per problem, joined into the violation's message so that three bad containers read as three.
 */
final class Finding {

    private final Violation.Builder builder;
    private final Set<String> notes = new LinkedHashSet<>();

    Finding(KubeObject object) {
        this.builder = Violation.on(object);
    }

    Finding failed(String path) { builder.failed(path); return this; }
    Finding fix(String path, String value) { builder.fix(path, value); return this; }
    Finding delete(String path) { builder.delete(path); return this; }
    Finding related(ObjectRef ref) { builder.related(ref); return this; }

    /** A sentence for humans about one problem. */
    Finding note(String sentence) {
        notes.add(sentence);
        return this;
    }

    boolean isEmpty() {
        return !builder.hasPaths() && notes.isEmpty();
    }

    /** The violation, or none when nothing was found. */
    List<Violation> result() {
        if (isEmpty()) return List.of();
        return List.of(builder.message(String.join("; ", notes)).build());
    }
}
