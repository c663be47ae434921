package dev.kubeward.api.export.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kubeward.api.export.ExportRow;
import dev.kubeward.engine.catalog.ControlDefinition;

import java.io.IOException;
import java.util.List;

/**
 * SARIF 2.1.0, streamed: the rules (every control the export can contain) first, then one result per finding.
 * Results point at the object by a logical location and a stable {@code k8s://cluster/namespace/Kind/name}
 * artifact URI; levels and {@code security-severity} follow the engine's file-scan SARIF so code-scanning
 * tools rank both alike.
 */
public final class SarifRowWriter implements RowWriter {

    private final JsonGenerator json;
    private final List<ControlDefinition> rules;
    private final String toolVersion;

    public SarifRowWriter(JsonGenerator json, List<ControlDefinition> rules, String toolVersion) {
        this.json = json;
        this.rules = rules;
        this.toolVersion = toolVersion;
    }

    @Override
    public void begin() throws IOException {
        json.writeStartObject();
        json.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.writeStringField("version", "2.1.0");
        json.writeArrayFieldStart("runs");
        json.writeStartObject();
        json.writeObjectFieldStart("tool");
        json.writeObjectFieldStart("driver");
        json.writeStringField("name", "Kubeward");
        json.writeStringField("version", toolVersion);
        json.writeStringField("informationUri", "https://github.com/kubeward/kubeward");
        json.writeArrayFieldStart("rules");
        for (ControlDefinition c : rules) rule(c);
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
        json.writeArrayFieldStart("results");
    }

    private void rule(ControlDefinition c) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", c.id());
        json.writeStringField("name", c.name());
        json.writeObjectFieldStart("shortDescription");
        json.writeStringField("text", c.name());
        json.writeEndObject();
        json.writeObjectFieldStart("fullDescription");
        json.writeStringField("text", c.description().isEmpty() ? c.name() : c.description());
        json.writeEndObject();
        json.writeObjectFieldStart("help");
        json.writeStringField("text", c.remediation().isEmpty() ? c.name() : c.remediation());
        json.writeEndObject();
        json.writeObjectFieldStart("defaultConfiguration");
        json.writeStringField("level", level(c.severity().name().toLowerCase()));
        json.writeEndObject();
        json.writeObjectFieldStart("properties");
        json.writeStringField("security-severity", String.valueOf(c.baseScore()));
        json.writeArrayFieldStart("tags");
        json.writeString("security");
        json.writeString("kubernetes");
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    @Override
    public void row(ExportRow r) throws IOException {
        json.writeStartObject();
        json.writeStringField("ruleId", r.controlId());
        json.writeStringField("level", level(r.severity()));
        json.writeObjectFieldStart("message");
        json.writeStringField("text", r.kind() + " " + r.address() + ": " + (r.message().isEmpty() ? ExportControls.name(r.controlId()) : r.message()));
        json.writeEndObject();
        json.writeArrayFieldStart("locations");
        json.writeStartObject();
        json.writeObjectFieldStart("physicalLocation");
        json.writeObjectFieldStart("artifactLocation");
        json.writeStringField("uri", "k8s://" + r.address());
        json.writeEndObject();
        json.writeEndObject();
        json.writeArrayFieldStart("logicalLocations");
        json.writeStartObject();
        json.writeStringField("fullyQualifiedName", r.address());
        json.writeStringField("kind", "resource");
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();
        json.writeObjectFieldStart("partialFingerprints");
        json.writeStringField("kubewardFinding/v1", r.clusterId() + "/" + r.controlId() + "/" + r.kind() + "/" + r.namespace() + "/" + r.name());
        json.writeEndObject();
        json.writeObjectFieldStart("properties");
        json.writeNumberField("findingId", r.id());
        json.writeStringField("severity", r.severity());
        json.writeStringField("status", r.status());
        json.writeStringField("firstSeen", r.firstSeen().toString());
        json.writeFieldName("failedPaths");
        json.writeRawValue(r.failedPathsJson());
        json.writeEndObject();
        json.writeEndObject();
    }

    @Override
    public void end() throws IOException {
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
    }

    static String level(String severity) {
        return switch (severity) {
            case "critical", "high" -> "error";
            case "medium" -> "warning";
            default -> "note";
        };
    }
}
