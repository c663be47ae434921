package dev.kubeward.api.compliance;

import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.catalog.ControlDefinition;
import dev.kubeward.engine.catalog.Framework;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The framework compliance score (unweighted mean of applicable control scores) with every number behind it. */
public record FrameworkScoring(List<FrameworkControl> controls, Formula formula) {

    public static FrameworkScoring of(Framework framework, Map<String, ControlTally> tallies) {
        int applicable = 0;
        double sum = 0;
        for (String id : framework.controlIds()) {
            Double s = tallies.getOrDefault(id, ControlTally.NONE).score();
            if (s != null) { applicable++; sum += s; }
        }
        List<FrameworkControl> rows = new ArrayList<>();
        for (String id : framework.controlIds()) {
            ControlTally t = tallies.getOrDefault(id, ControlTally.NONE);
            ControlDefinition d = ControlCatalog.standard().control(id).orElse(null);
            Double s = t.score();
            double gain = s == null || applicable == 0 ? 0 : (100.0 - s) / applicable;
            rows.add(new FrameworkControl(id, d == null ? id : d.name(), d == null ? "low" : d.severity().name().toLowerCase(Locale.ROOT),
                    t.status(), t.failed(), t.passed(), t.excepted(), t.evaluated(), Scores.round(s), Scores.round(gain)));
        }
        Double score = applicable == 0 ? null : sum / applicable;
        int na = framework.controlIds().size() - applicable;
        String text = score == null ? "No control of " + framework.name() + " applied: no score (N/A)."
                : String.format(Locale.ROOT, "%.2f = %.2f (sum of %d applicable control scores) / %d; %d controls not applicable are left out",
                score, sum, applicable, applicable, na);
        return new FrameworkScoring(rows, new Formula(applicable, na, Scores.round(sum), Scores.round(score), text));
    }

    public Double score() {
        return formula.score();
    }
}
