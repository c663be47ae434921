package dev.kubeward.worker.finding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeward.contract.ChunkCodec;
import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.catalog.Framework;
import dev.kubeward.engine.catalog.Severity;
import dev.kubeward.engine.evaluation.ControlResult;
import dev.kubeward.engine.evaluation.ControlStatus;
import dev.kubeward.engine.evaluation.ResourceResult;
import dev.kubeward.engine.evaluation.ScanResult;
import dev.kubeward.engine.model.ObjectRef;
import dev.kubeward.engine.scoring.ComplianceScore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Everything a scan writes, computed from the engine's result without touching the database: one finding
 * per failed (control, resource), one summary per control, one score per framework.
 *
 * <p>Framework counts: passed and failed are the scored controls; {@code na} counts not-applicable and
 * not-yet-evaluated controls; {@code external} counts controls that need host, cloud or human input
 * (requires-external-data and manual). The score is the mean of the applicable control scores
 * ({@link ComplianceScore}), null when none applied.
 */
public record ScanSummary(List<FindingRow> findings, List<ControlSummary> controls, List<FrameworkScore> frameworks,
                          Map<String, Integer> openBySeverity) {

    private static final ObjectMapper JSON = ChunkCodec.mapper();

    public record ControlSummary(String controlId, String status, int failed, int passed) {
    }

    public record FrameworkScore(String framework, Double score, int passed, int failed, int notApplicable, int external) {
    }

    public static ScanSummary of(ScanResult result, ControlCatalog catalog) {
        Map<String, FindingRow> findings = new LinkedHashMap<>();
        List<ControlSummary> controls = new ArrayList<>();
        Map<String, ControlResult> byId = new LinkedHashMap<>();
        for (ControlResult c : result.controls()) {
            byId.put(c.control().id(), c);
            controls.add(new ControlSummary(c.control().id(), status(c.status()), (int) c.failedCount(), (int) c.passedCount()));
            String severity = c.control().severity().name().toLowerCase(Locale.ROOT);
            for (ResourceResult r : c.failed()) {
                // NB: two refs that differ only in apiVersion are one finding (the table's key has no apiVersion);
                // an INSERT … ON CONFLICT may not touch the same row twice, so they are merged here.
                FindingRow row = row(c.control().id(), severity, r);
                findings.putIfAbsent(row.key(), row);
            }
        }
        Map<String, Integer> open = new LinkedHashMap<>();
        for (Severity s : Severity.values()) open.put(s.name().toLowerCase(Locale.ROOT), 0);
        findings.values().forEach(f -> open.merge(f.severity(), 1, Integer::sum));
        List<FrameworkScore> frameworks = new ArrayList<>();
        for (Framework fw : catalog.frameworks()) frameworks.add(score(fw, byId));
        return new ScanSummary(List.copyOf(findings.values()), List.copyOf(controls), List.copyOf(frameworks), Map.copyOf(open));
    }

    static FrameworkScore score(Framework fw, Map<String, ControlResult> byId) {
        int passed = 0, failed = 0, na = 0, external = 0;
        List<OptionalDouble> scores = new ArrayList<>();
        for (String id : fw.controlIds()) {
            ControlResult c = byId.get(id);
            if (c == null) continue;
            switch (c.status()) {
                case PASSED -> passed++;
                case FAILED -> failed++;
                case REQUIRES_EXTERNAL_DATA, MANUAL -> external++;
                case NOT_APPLICABLE, NOT_EVALUATED -> na++;
            }
            scores.add(ComplianceScore.control(c));
        }
        OptionalDouble score = ComplianceScore.framework(scores);
        return new FrameworkScore(fw.name(), score.isPresent() ? round2(score.getAsDouble()) : null, passed, failed, na, external);
    }

    /** Controls this scan judged (failed, passed or not applicable); the others are evaluated elsewhere or not at all. */
    public List<String> evaluatedControls() {
        return controls.stream().filter(c -> c.status().equals("failed") || c.status().equals("passed") || c.status().equals("not-applicable"))
                .map(ControlSummary::controlId).toList();
    }

    static String status(ControlStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static FindingRow row(String controlId, String severity, ResourceResult r) {
        ObjectRef ref = r.resource();
        return new FindingRow(controlId, nullToEmpty(ref.apiVersion()), ref.kind(), nullToEmpty(ref.namespace()), nullToEmpty(ref.name()),
                severity, json(r.rules()), r.message() == null ? "" : r.message(), json(r.failedPaths()), json(r.fixPaths()),
                json(r.deletePaths()), json(r.related().stream().map(ScanSummary::refJson).toList()));
    }

    private static Map<String, String> refJson(ObjectRef ref) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("apiVersion", ref.apiVersion());
        m.put("kind", ref.kind());
        if (ref.namespace() != null) m.put("namespace", ref.namespace());
        m.put("name", ref.name());
        return m;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value == null ? List.of() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize finding evidence", e);
        }
    }

    static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
