package dev.kubeward.engine.exception;

import dev.kubeward.engine.evaluation.ControlResult;
import dev.kubeward.engine.evaluation.ControlStatus;
import dev.kubeward.engine.evaluation.ResourceResult;
import dev.kubeward.engine.evaluation.ScanResult;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies accepted risks to a scan: a failed result an exception covers becomes excepted (counted as passed,
 * shown with its reason); a control whose failures are all excepted passes.
 */
public final class Exceptions {

    private Exceptions() {
    }

    public static ScanResult apply(ScanResult result, List<PostureException> exceptions) {
        if (exceptions.isEmpty()) return result;
        List<ControlResult> controls = new ArrayList<>();
        for (ControlResult c : result.controls()) {
            List<ResourceResult> failed = new ArrayList<>();
            List<ControlResult.Excepted> excepted = new ArrayList<>(c.excepted());
            for (ResourceResult r : c.failed()) {
                PostureException hit = exceptions.stream()
                        .filter(e -> e.covers(c.control().id(), c.control().frameworks(), r.resource())).findFirst().orElse(null);
                if (hit == null) failed.add(r);
                else excepted.add(new ControlResult.Excepted(r, hit.name(), hit.reason()));
            }
            ControlStatus status = c.status() == ControlStatus.FAILED && failed.isEmpty() ? ControlStatus.PASSED : c.status();
            controls.add(new ControlResult(c.control(), status, failed, c.passed(), excepted, c.note()));
        }
        return new ScanResult(result.cluster(), result.objectCount(), controls, result.skipped());
    }
}
