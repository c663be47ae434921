package dev.kubeward.agent.image.sbom;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kubeward.agent.image.analyse.Package;
import dev.kubeward.agent.image.analyse.Purl;
import dev.kubeward.agent.snapshot.SnapshotSender;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes an image's packages as a CycloneDX 1.5 JSON document: {@code metadata.component} is the image
 * (type container, its digest as version and in a {@code pkg:oci} purl, which is how the platform tells which
 * image an SBOM describes), then one library component per distinct purl, sorted by purl. An SBOM made from a
 * report found in the cluster says where it comes from in {@code metadata.properties} ({@code kubeward:source}).
 *
 * <p>NB: no timestamp and no serial number, both optional: the same image gives the same bytes, so the
 * platform, which stores an SBOM once per document, sees a re-sent SBOM as no change.
 */
public final class CycloneDxWriter {

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * The image an SBOM describes.
     *
     * @param name           {@code registry/repository}
     * @param digest         the digest pods report for it (an index's, for a multi-platform image)
     * @param manifestDigest the analysed platform's image manifest
     * @param platform       null when the image has no index
     * @param os             the distribution's pretty name, null when unknown
     */
    public record Subject(String name, String digest, String manifestDigest, String platform, String os) {
    }

    /** A name and value of a CycloneDX {@code properties} list. */
    public record Property(String name, String value) {
    }

    /**
     * One package as the SBOM lists it.
     *
     * @param group null unless the ecosystem has one (Maven)
     * @param purl  the package URL, how the platform matches advisories
     */
    public record Component(String group, String name, String version, String purl, List<Property> properties) {
        public Component {
            properties = List.copyOf(properties);
        }
    }

    /** The agent's own analysis of an image. */
    public byte[] write(Subject image, List<Package> packages) {
        List<Component> components = packages.stream().map(p -> new Component(p.purl().type().equals("maven") ? p.purl().namespace() : null,
                p.name(), p.version(), p.purl().toString(), p.location() == null ? List.of() : List.of(new Property("kubeward:location", p.location())))).toList();
        return write(image, List.of(), components);
    }

    /**
     * @param provenance {@code metadata.properties}: where the packages come from; empty for the agent's own analysis
     */
    public byte[] write(Subject image, List<Property> provenance, List<Component> components) {
        Map<String, Component> byPurl = new TreeMap<>();
        for (Component c : components) byPurl.putIfAbsent(c.purl(), c);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("bomFormat", "CycloneDX");
            g.writeStringField("specVersion", "1.5");
            g.writeNumberField("version", 1);
            g.writeObjectFieldStart("metadata");
            g.writeObjectFieldStart("tools");
            g.writeArrayFieldStart("components");
            g.writeStartObject();
            g.writeStringField("type", "application");
            g.writeStringField("name", "kubeward-agent");
            g.writeStringField("version", SnapshotSender.AGENT_VERSION);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            writeImage(g, image);
            if (!provenance.isEmpty()) {
                g.writeArrayFieldStart("properties");
                for (Property p : provenance) property(g, p.name(), p.value());
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeArrayFieldStart("components");
            for (Component c : byPurl.values()) writeComponent(g, c);
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeImage(JsonGenerator g, Subject image) throws IOException {
        String repository = image.name().substring(image.name().indexOf('/') + 1);
        String purl = new Purl("oci", null, repository.substring(repository.lastIndexOf('/') + 1), image.digest(),
                Map.of("repository_url", image.name())).toString();
        g.writeObjectFieldStart("component");
        g.writeStringField("type", "container");
        g.writeStringField("bom-ref", purl);
        g.writeStringField("name", image.name());
        g.writeStringField("version", image.digest());
        g.writeStringField("purl", purl);
        g.writeArrayFieldStart("properties");
        property(g, "kubeward:image:manifest-digest", image.manifestDigest());
        property(g, "kubeward:image:platform", image.platform());
        property(g, "kubeward:image:os", image.os());
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeComponent(JsonGenerator g, Component c) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "library");
        g.writeStringField("bom-ref", c.purl());
        if (c.group() != null) g.writeStringField("group", c.group());
        g.writeStringField("name", c.name());
        if (c.version() != null) g.writeStringField("version", c.version());
        g.writeStringField("purl", c.purl());
        g.writeArrayFieldStart("properties");
        for (Property p : c.properties()) property(g, p.name(), p.value());
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void property(JsonGenerator g, String name, String value) throws IOException {
        if (value == null) return;
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeStringField("value", value);
        g.writeEndObject();
    }
}
