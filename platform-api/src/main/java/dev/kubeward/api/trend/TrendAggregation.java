package dev.kubeward.api.trend;

import dev.kubeward.api.query.SeverityCounts;
import dev.kubeward.api.trend.Trend.ClusterSeries;
import dev.kubeward.api.trend.Trend.Marker;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Folds per-cluster daily points into the overall series. NB: a cluster that did not scan on a day keeps
 * its last known state for that day, so the overall line does not dip when one cluster skips a day.
 */
final class TrendAggregation {

    private TrendAggregation() {
    }

    static List<TrendPoint> overall(List<ClusterSeries> series) {
        TreeSet<LocalDate> days = new TreeSet<>();
        series.forEach(s -> s.points().forEach(p -> days.add(p.day())));
        Map<Integer, TrendPoint> last = new HashMap<>();
        Map<Integer, Integer> cursor = new HashMap<>();
        List<TrendPoint> out = new ArrayList<>();
        for (LocalDate day : days) {
            SeverityCounts open = SeverityCounts.ZERO;
            List<Double> scores = new ArrayList<>();
            int added = 0, resolved = 0;
            for (int i = 0; i < series.size(); i++) {
                List<TrendPoint> points = series.get(i).points();
                int at = cursor.getOrDefault(i, 0);
                if (at < points.size() && points.get(at).day().equals(day)) {
                    TrendPoint p = points.get(at);
                    last.put(i, p);
                    cursor.put(i, at + 1);
                    added += p.newFindings();
                    resolved += p.resolvedFindings();
                }
                TrendPoint known = last.get(i);
                if (known == null) continue;
                open = open.plus(known.open());
                scores.add(known.score());
            }
            Double mean = scores.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).average().stream().boxed().findFirst().orElse(null);
            out.add(new TrendPoint(day, null, mean == null ? null : Math.round(mean * 100.0) / 100.0, open, added, resolved));
        }
        return out;
    }

    static List<Marker> markers(List<TrendPoint> overall) {
        return overall.stream().filter(p -> p.newFindings() > 0 || p.resolvedFindings() > 0)
                .map(p -> new Marker(p.day(), p.newFindings(), p.resolvedFindings())).toList();
    }
}
