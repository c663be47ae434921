package dev.kubeward.engine.evaluation;

import dev.kubeward.engine.model.ObjectRef;
import dev.kubeward.engine.rule.FixPath;

import java.util.List;

/**
 * One control on one resource. Failed results carry the rule that failed, the failed paths, fix paths,
 * paths to delete, related objects and a message; passed results carry only the identity.
 */
public record ResourceResult(ObjectRef resource, boolean failed, List<String> rules, String message, List<String> failedPaths,
                             List<FixPath> fixPaths, List<String> deletePaths, List<ObjectRef> related) {

    public static ResourceResult passed(ObjectRef ref) {
        return new ResourceResult(ref, false, List.of(), "", List.of(), List.of(), List.of(), List.of());
    }
}
