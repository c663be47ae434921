package dev.kubeward.agent.image.pickup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.agent.image.sbom.CycloneDxWriter.Component;
import dev.kubeward.agent.image.sbom.CycloneDxWriter.Property;

import java.util.ArrayList;
import java.util.List;

import static dev.kubeward.agent.image.pickup.JsonShape.WHOLE;

/**
 * Trivy Operator's {@code SbomReport} and {@code ClusterSbomReport}: {@code report.components} is a CycloneDX BOM
 * (trivy-operator {@code pkg/apis/aquasecurity/v1alpha1/sbom_types.go}, {@code SbomReportData.Bom} and type
 * {@code BOM}; sample in {@code docs/docs/crds/sbom-report.md}).
 *
 * <p>The image digest is {@code report.artifact.digest} when set, else the BOM's own subject: its
 * {@code pkg:oci/...@sha256:...} purl or the {@code aquasecurity:trivy:RepoDigest} property (never
 * {@code aquasecurity:trivy:ImageID}, the config digest). Components keep their properties, among them Trivy's
 * {@code SrcName}/{@code SrcVersion}, which the platform matches distribution advisories by. The BOM's
 * {@code operating-system} component is the distribution, not a package; components without a purl cannot be
 * matched and are left out.
 */
final class TrivySbomReports implements ReportFormat {

    private static final JsonShape SHAPE = JsonShape.of("report", JsonShape.of(
            "artifact", TrivyArtifact.ARTIFACT,
            "registry", TrivyArtifact.REGISTRY,
            "components", JsonShape.of(
                    "bomFormat", WHOLE,
                    "metadata", JsonShape.of("component", JsonShape.of("purl", WHOLE, "bom-ref", WHOLE, "properties", WHOLE)),
                    "components", JsonShape.of("type", WHOLE, "name", WHOLE, "group", WHOLE, "version", WHOLE, "purl", WHOLE,
                            "properties", WHOLE))));

    @Override
    public JsonShape shape() {
        return SHAPE;
    }

    @Override
    public PickedSbom read(JsonNode object) {
        JsonNode report = object.path("report");
        JsonNode bom = report.path("components");
        if (!"CycloneDX".equals(bom.path("bomFormat").asText())) throw new MalformedReport("report.components is not a CycloneDX BOM");
        JsonNode list = bom.path("components");
        // NB: absent is an image without packages (the Go type omits an empty list); anything but a list is broken
        if (!list.isMissingNode() && !list.isArray()) throw new MalformedReport("report.components.components is not a list");
        String digest = digest(report, bom.path("metadata").path("component"));
        if (digest == null) throw new MalformedReport("no image digest (report.artifact.digest, report.components.metadata.component)");
        String os = null;
        List<Component> components = new ArrayList<>();
        for (JsonNode c : list) {
            if (!c.isObject()) throw new MalformedReport("report.components.components holds a " + c.getNodeType() + ", not a component");
            if ("operating-system".equals(c.path("type").asText())) {
                os = (c.path("name").asText("") + " " + c.path("version").asText("")).strip();
                continue;
            }
            String purl = c.path("purl").asText("");
            if (!purl.startsWith("pkg:")) continue;
            components.add(new Component(c.path("group").asText(null), c.path("name").asText(""), c.path("version").asText(null), purl,
                    properties(c.path("properties"))));
        }
        return new PickedSbom(digest, TrivyArtifact.imageName(report), os, components);
    }

    private static String digest(JsonNode report, JsonNode subject) {
        String repoDigest = null;
        for (JsonNode p : subject.path("properties")) {
            if ("aquasecurity:trivy:RepoDigest".equals(p.path("name").asText())) repoDigest = ImageDigest.ofReference(p.path("value").asText(null));
        }
        String fromArtifact = TrivyArtifact.digest(report);
        return fromArtifact != null ? fromArtifact
                : ImageDigest.in(subject.path("purl").asText(null), subject.path("bom-ref").asText(null), repoDigest);
    }

    private static List<Property> properties(JsonNode properties) {
        List<Property> out = new ArrayList<>();
        for (JsonNode p : properties) {
            if (p.path("name").isTextual() && p.path("value").isTextual()) out.add(new Property(p.path("name").asText(), p.path("value").asText()));
        }
        return out;
    }
}
