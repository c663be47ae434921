package dev.kubeward.engine.rule;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.model.ObjectRef;

import java.util.ArrayList;
import java.util.List;

/**
 * One failed check on one resource: where it failed (paths into the object), how to fix it (paths with
 * values, or paths to delete), which other objects are involved, and a message for humans.
 */
public record Violation(ObjectRef resource, String message, List<String> failedPaths, List<FixPath> fixPaths,
                        List<String> deletePaths, List<ObjectRef> related) {

    public Violation {
        failedPaths = List.copyOf(failedPaths);
        fixPaths = List.copyOf(fixPaths);
        deletePaths = List.copyOf(deletePaths);
        related = List.copyOf(related);
    }

    public static Builder on(KubeObject object) {
        return new Builder(object.ref());
    }

    public static Builder on(ObjectRef ref) {
        return new Builder(ref);
    }

    /** Collects paths while a rule walks an object. */
    public static final class Builder {
        private final ObjectRef resource;
        private String message = "";
        private final List<String> failed = new ArrayList<>();
        private final List<FixPath> fix = new ArrayList<>();
        private final List<String> delete = new ArrayList<>();
        private final List<ObjectRef> related = new ArrayList<>();

        private Builder(ObjectRef resource) {
            this.resource = resource;
        }

        public Builder message(String message) { this.message = message; return this; }
        public Builder failed(String path) { failed.add(path); return this; }
        public Builder fix(String path, String value) { fix.add(new FixPath(path, value)); return this; }
        public Builder delete(String path) { delete.add(path); return this; }
        public Builder related(ObjectRef ref) { related.add(ref); return this; }
        public Builder related(KubeObject o) { related.add(o.ref()); return this; }
        public boolean hasPaths() { return !failed.isEmpty() || !fix.isEmpty() || !delete.isEmpty(); }

        public Violation build() {
            return new Violation(resource, message, failed, fix, delete, related);
        }

        /** The violation as a one-element list, or none when no path was recorded. */
        public List<Violation> buildIfAny() {
            return hasPaths() ? List.of(build()) : List.of();
        }
    }
}
