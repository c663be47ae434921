package dev.kubeward.api.export.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kubeward.api.export.ExportRow;

import java.io.IOException;

/** A JSON array of finding objects, written with a streaming generator. */
public final class JsonRowWriter implements RowWriter {

    private final JsonGenerator json;

    public JsonRowWriter(JsonGenerator json) {
        this.json = json;
    }

    @Override
    public void begin() throws IOException {
        json.writeStartArray();
    }

    @Override
    public void row(ExportRow r) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", r.id());
        json.writeStringField("clusterId", r.clusterId().toString());
        json.writeStringField("cluster", r.clusterName());
        json.writeStringField("controlId", r.controlId());
        json.writeStringField("control", ExportControls.name(r.controlId()));
        json.writeStringField("severity", r.severity());
        json.writeStringField("status", r.status());
        json.writeStringField("apiVersion", r.apiVersion());
        json.writeStringField("kind", r.kind());
        json.writeStringField("namespace", r.namespace());
        json.writeStringField("name", r.name());
        json.writeStringField("message", r.message());
        json.writeFieldName("failedPaths");
        json.writeRawValue(r.failedPathsJson());
        json.writeFieldName("fixPaths");
        json.writeRawValue(r.fixPathsJson());
        json.writeStringField("firstSeen", r.firstSeen().toString());
        json.writeStringField("lastSeen", r.lastSeen().toString());
        json.writeStringField("resolvedAt", r.resolvedAt() == null ? null : r.resolvedAt().toString());
        json.writeBooleanField("excepted", r.excepted());
        json.writeEndObject();
    }

    @Override
    public void end() throws IOException {
        json.writeEndArray();
        json.flush();
    }
}
