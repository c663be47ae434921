package dev.kubeward.engine.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeward.engine.evaluation.ControlResult;
import dev.kubeward.engine.evaluation.ResourceResult;
import dev.kubeward.engine.evaluation.SkippedInput;
import dev.kubeward.engine.fix.FixPatch;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.model.ObjectRef;
import dev.kubeward.engine.rule.FixPath;

/**
 * The CLI's JSON output (schema in docs/cli.md): {@code results[]} with controlId, rule, status, severity,
 * resource, paths, fix and the fix as a ready-to-apply {@code patch}; {@code controls[]} with status and counts; {@code frameworks[]} with scores;
 * {@code skipped[]} with what could not be read and why.
 */
public final class JsonReport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String render(ScanReport report, boolean includePassed) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", 1);
        root.put("objects", report.result().objectCount());
        ArrayNode results = root.putArray("results");
        ArrayNode controls = root.putArray("controls");
        for (ControlResult cr : report.result().controls()) {
            ObjectNode c = controls.addObject();
            c.put("controlId", cr.control().id());
            c.put("name", cr.control().name());
            c.put("severity", cr.control().severity().name().toLowerCase());
            c.put("status", cr.status().label());
            c.put("failed", cr.failedCount());
            c.put("passed", cr.passedCount());
            c.put("excepted", cr.exceptedCount());
            if (!cr.note().isEmpty()) c.put("note", cr.note());
            for (ResourceResult rr : cr.resources()) {
                if (!rr.failed() && !includePassed) continue;
                ObjectNode r = results.addObject();
                r.put("controlId", cr.control().id());
                r.put("rule", String.join(",", rr.rules()));
                r.put("status", rr.failed() ? "failed" : "passed");
                r.put("severity", cr.control().severity().name().toLowerCase());
                r.set("resource", resource(rr.resource()));
                if (rr.failed()) {
                    r.put("message", rr.message());
                    ArrayNode paths = r.putArray("paths");
                    rr.failedPaths().forEach(paths::add);
                    ArrayNode fix = r.putArray("fix");
                    for (FixPath fp : rr.fixPaths()) fix.addObject().put("path", fp.path()).put("value", fp.value());
                    rr.deletePaths().forEach(p -> fix.addObject().put("path", p).put("delete", true));
                    ArrayNode related = r.putArray("related");
                    rr.related().forEach(ref -> related.add(resource(ref)));
                    KubeObject src = report.source(rr.resource());
                    String patch = src == null ? "" : FixPatch.of(src, rr);
                    if (!patch.isEmpty()) r.put("patch", patch);
                    if (src != null && src.source() != null) r.putObject("location").put("file", src.source()).put("line", src.line());
                }
            }
        }
        for (ControlResult cr : report.result().controls()) {
            for (ControlResult.Excepted ex : cr.excepted()) {
                ObjectNode r = results.addObject();
                r.put("controlId", cr.control().id());
                r.put("rule", String.join(",", ex.result().rules()));
                r.put("status", "excepted");
                r.put("severity", cr.control().severity().name().toLowerCase());
                r.set("resource", resource(ex.result().resource()));
                r.put("exception", ex.exception());
                r.put("reason", ex.reason());
            }
        }
        ArrayNode fws = root.putArray("frameworks");
        for (ScanReport.FrameworkScore fs : report.frameworkScores()) {
            ObjectNode f = fws.addObject();
            f.put("name", fs.framework().name());
            if (fs.score().isPresent()) f.put("score", Math.round(fs.score().getAsDouble() * 100) / 100.0);
            else f.putNull("score");
            f.put("controlsPassed", fs.passed()).put("controlsFailed", fs.failed())
                    .put("controlsNotApplicable", fs.notApplicable()).put("controlsNotEvaluable", fs.notEvaluable());
        }
        ArrayNode skipped = root.putArray("skipped");
        for (SkippedInput s : report.result().skipped()) skipped.addObject().put("where", s.where()).put("reason", s.reason());
        try {
            return MAPPER.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode resource(ObjectRef ref) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("apiVersion", ref.apiVersion());
        n.put("kind", ref.kind());
        if (ref.namespace() != null) n.put("namespace", ref.namespace());
        else n.putNull("namespace");
        n.put("name", ref.name());
        return n;
    }
}
