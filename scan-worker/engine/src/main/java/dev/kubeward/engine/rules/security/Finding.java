package dev.kubeward.engine.rules.security;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.Violation;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Paths collected while a rule walks one pod template. Unlike {@link Violation.Builder} it keeps each path
 * once: a pod-level field that fails for every container (a pod-wide seccomp profile, say) is reported once.
 */
final class Finding {

    private final Set<String> failed = new LinkedHashSet<>();
    private final Map<String, String> fix = new LinkedHashMap<>();
    private final Set<String> delete = new LinkedHashSet<>();
    private final Set<String> messages = new LinkedHashSet<>();

    Finding failed(String path) {
        failed.add(path);
        return this;
    }

    /** A field whose mere presence is the problem: failed, and removing it fixes it. */
    Finding failedAndDelete(String path) {
        failed.add(path);
        delete.add(path);
        return this;
    }

    Finding fix(String path, String value) {
        fix.putIfAbsent(path, value);
        return this;
    }

    Finding message(String message) {
        messages.add(message);
        return this;
    }

    boolean any() {
        return !failed.isEmpty() || !fix.isEmpty() || !delete.isEmpty();
    }

    /** One violation on {@code object}, or none when nothing was recorded. */
    List<Violation> on(KubeObject object) {
        if (!any()) return List.of();
        Violation.Builder b = Violation.on(object).message(String.join("; ", messages));
        failed.forEach(b::failed);
        fix.forEach(b::fix);
        delete.forEach(b::delete);
        return List.of(b.build());
    }
}
