package dev.kubeward.engine.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeward.engine.catalog.ControlDefinition;
import dev.kubeward.engine.catalog.Severity;
import dev.kubeward.engine.evaluation.ControlResult;
import dev.kubeward.engine.evaluation.ResourceResult;
import dev.kubeward.engine.model.KubeObject;

import java.nio.file.Path;

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: one rule per control (with {@code security-severity} so
 * GitHub ranks it), one result per failed control × resource, located at the file and line of the object.
 */
public final class SarifReport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SarifReport() {
    }

    public static String render(ScanReport report, String toolVersion) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "Kubeward").put("version", toolVersion).put("informationUri", "https://github.com/kubeward/kubeward");
        ArrayNode rules = driver.putArray("rules");
        ArrayNode results = run.putArray("results");
        int ruleIndex = 0;
        for (ControlResult cr : report.result().controls()) {
            if (cr.failedCount() == 0) continue;
            ControlDefinition c = cr.control();
            ObjectNode rule = rules.addObject();
            rule.put("id", c.id());
            rule.put("name", pascal(c.name()));
            rule.putObject("shortDescription").put("text", c.name());
            rule.putObject("fullDescription").put("text", c.description().isEmpty() ? c.name() : c.description());
            rule.putObject("help").put("text", c.remediation().isEmpty() ? c.name() : c.remediation());
            rule.putObject("defaultConfiguration").put("level", level(c.severity()));
            ObjectNode props = rule.putObject("properties");
            props.put("security-severity", String.valueOf(c.baseScore()));
            props.putArray("tags").add("security").add("kubernetes");
            for (ResourceResult rr : cr.failed()) {
                ObjectNode r = results.addObject();
                r.put("ruleId", c.id());
                r.put("ruleIndex", ruleIndex);
                r.put("level", level(c.severity()));
                String msg = rr.resource().display() + ": " + (rr.message().isEmpty() ? c.name() : rr.message());
                if (!rr.failedPaths().isEmpty()) msg += " (" + String.join(", ", rr.failedPaths()) + ")";
                r.putObject("message").put("text", msg);
                KubeObject src = report.source(rr.resource());
                ObjectNode phys = r.putArray("locations").addObject().putObject("physicalLocation");
                phys.putObject("artifactLocation").put("uri", src != null && src.source() != null ? uri(src.source()) : "cluster/" + rr.resource().display());
                phys.putObject("region").put("startLine", src != null && src.line() > 0 ? src.line() : 1);
                r.putObject("partialFingerprints").put("kubewardResource/v1", c.id() + "/" + rr.resource().display());
            }
            ruleIndex++;
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Relative, forward-slashed paths: GitHub resolves them against the repository root. */
    private static String uri(String file) {
        Path p = Path.of(file);
        if (p.isAbsolute()) {
            Path cwd = Path.of("").toAbsolutePath();
            if (p.startsWith(cwd)) p = cwd.relativize(p);
        }
        return p.toString().replace('\\', '/');
    }

    private static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW -> "note";
        };
    }

    private static String pascal(String name) {
        StringBuilder sb = new StringBuilder();
        for (String w : name.split("[^A-Za-z0-9]+")) {
            if (!w.isEmpty()) sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return sb.toString();
    }
}
