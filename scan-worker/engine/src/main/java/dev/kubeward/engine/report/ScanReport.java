package dev.kubeward.engine.report;

import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.catalog.Framework;
import dev.kubeward.engine.evaluation.ControlResult;
import dev.kubeward.engine.evaluation.ScanResult;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.model.ObjectRef;
import dev.kubeward.engine.scoring.ComplianceScore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A scan result prepared for output: the controls that were asked for, framework scores, and where each
 * object came from (file and line) so SARIF and tables can point at the source.
 */
public record ScanReport(ScanResult result, List<Framework> frameworks, Map<ObjectRef, KubeObject> sources) {

    public static ScanReport of(ScanResult result, List<Framework> frameworks, List<KubeObject> objects) {
        Map<ObjectRef, KubeObject> sources = new HashMap<>();
        objects.forEach(o -> sources.putIfAbsent(o.ref(), o));
        return new ScanReport(result, frameworks, sources);
    }

    /** Score per framework over the controls of this result; empty when no control of it applied. */
    public record FrameworkScore(Framework framework, OptionalDouble score, int passed, int failed, int notApplicable, int notEvaluable) {
    }

    public List<FrameworkScore> frameworkScores() {
        List<FrameworkScore> out = new ArrayList<>();
        for (Framework fw : frameworks) {
            List<OptionalDouble> scores = new ArrayList<>();
            int passed = 0, failed = 0, na = 0, other = 0;
            for (String id : fw.controlIds()) {
                ControlResult r = result.control(id).orElse(null);
                if (r == null) continue;
                scores.add(ComplianceScore.control(r));
                switch (r.status()) {
                    case PASSED -> passed++;
                    case FAILED -> failed++;
                    case NOT_APPLICABLE -> na++;
                    default -> other++;
                }
            }
            out.add(new FrameworkScore(fw, ComplianceScore.framework(scores), passed, failed, na, other));
        }
        return out;
    }

    /** Location of a resource in its source file, if it came from one. */
    public KubeObject source(ObjectRef ref) {
        KubeObject o = sources.get(ref);
        if (o != null) return o;
        return sources.values().stream().filter(k -> k.ref().sameObject(ref)).findFirst().orElse(null);
    }

    static ControlCatalog catalog() {
        return ControlCatalog.standard();
    }
}
