package dev.kubeward.agent.image.pickup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.agent.image.registry.ImageReference;
import dev.kubeward.agent.image.sbom.CycloneDxWriter.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.kubeward.agent.image.pickup.JsonShape.WHOLE;

/**
 * Kubescape's SBOMs (kubescape/storage, group {@code spdx.softwarecomposition.kubescape.io/v1beta1},
 * {@code pkg/apis/softwarecomposition/v1beta1/types.go}): {@code SBOMSyft} and {@code SBOMSyftFiltered} hold a
 * Syft JSON document under {@code spec.syft} ({@code syfttypes.go}, {@code SyftDocument.artifacts[]} with
 * {@code name}, {@code version}, {@code purl}), {@code SBOMSPDXv2p3} an SPDX 2.3 document under {@code spec.spdx}.
 *
 * <p>kubevuln writes the image on the object: annotation {@code kubescape.io/image-id}
 * ({@code docker.io/library/nginx@sha256:…}, the pod's image id) and {@code kubescape.io/status}. An SBOM it
 * marks {@code incomplete} or {@code too-large} (kubevuln refuses to scan those itself) or that node-agent is
 * still {@code learning} is skipped: it would list fewer packages than the image has.
 */
final class KubescapeSboms implements ReportFormat {

    static final String IMAGE_ID = "kubescape.io/image-id";
    static final String STATUS = "kubescape.io/status";
    private static final Set<String> UNUSABLE = Set.of("incomplete", "too-large", "learning");
    private static final JsonShape METADATA = JsonShape.of("annotations", WHOLE);

    /** The packages and distribution a document names. */
    private record Found(List<Component> components, String os) {
    }

    /** Reads the packages out of {@code spec}; null when the document is missing or broken. */
    private interface Packages {
        Found of(JsonNode spec);
    }

    private final JsonShape shape;
    private final String what;
    private final Packages packages;

    private KubescapeSboms(JsonShape spec, String what, Packages packages) {
        this.shape = JsonShape.of("metadata", METADATA, "spec", spec);
        this.what = what;
        this.packages = packages;
    }

    /** {@code spec.syft}: every artifact with a purl. */
    static KubescapeSboms syft() {
        JsonShape spec = JsonShape.of("syft", JsonShape.of("artifacts", JsonShape.of("name", WHOLE, "version", WHOLE, "purl", WHOLE),
                "distro", JsonShape.of("prettyName", WHOLE)));
        return new KubescapeSboms(spec, "spec.syft.artifacts", s -> {
            JsonNode artifacts = s.path("syft").path("artifacts");
            if (!artifacts.isArray()) return null;
            List<Component> out = new ArrayList<>();
            for (JsonNode a : artifacts) {
                String purl = a.path("purl").asText("");
                if (purl.startsWith("pkg:")) out.add(new Component(null, a.path("name").asText(""), a.path("version").asText(null), purl, List.of()));
            }
            return new Found(out, s.path("syft").path("distro").path("prettyName").asText(null));
        });
    }

    /** {@code spec.spdx}: every package with a purl external reference, except the image's own (purpose CONTAINER, {@code pkg:oci}). */
    static KubescapeSboms spdx() {
        JsonShape spec = JsonShape.of("spdx", JsonShape.of("packages", JsonShape.of("name", WHOLE, "versionInfo", WHOLE,
                "primaryPackagePurpose", WHOLE, "externalRefs", JsonShape.of("referenceType", WHOLE, "referenceLocator", WHOLE))));
        return new KubescapeSboms(spec, "spec.spdx.packages", s -> {
            JsonNode list = s.path("spdx").path("packages");
            if (!list.isArray()) return null;
            List<Component> out = new ArrayList<>();
            for (JsonNode p : list) {
                String purl = "";
                for (JsonNode ref : p.path("externalRefs")) {
                    if ("purl".equals(ref.path("referenceType").asText())) purl = ref.path("referenceLocator").asText("");
                }
                if ("CONTAINER".equals(p.path("primaryPackagePurpose").asText()) || purl.startsWith("pkg:oci/") || !purl.startsWith("pkg:")) continue;
                out.add(new Component(null, p.path("name").asText(""), p.path("versionInfo").asText(null), purl, List.of()));
            }
            return new Found(out, null);
        });
    }

    @Override
    public JsonShape shape() {
        return shape;
    }

    @Override
    public String listedDigest(JsonNode metadata) {
        return ImageDigest.ofReference(metadata.path("annotations").path(IMAGE_ID).asText(null));
    }

    @Override
    public PickedSbom read(JsonNode object) {
        JsonNode annotations = object.path("metadata").path("annotations");
        String status = annotations.path(STATUS).asText("");
        if (UNUSABLE.contains(status)) throw new MalformedReport("Kubescape marks it " + status + " (annotation " + STATUS + ")");
        String imageId = annotations.path(IMAGE_ID).asText(null);
        String digest = ImageDigest.ofReference(imageId);
        if (digest == null) throw new MalformedReport("no image digest (annotation " + IMAGE_ID + " is " + (imageId == null ? "missing" : "'" + imageId + "'") + ")");
        Found found = packages.of(object.path("spec"));
        if (found == null) throw new MalformedReport(what + " is missing or not a list");
        return new PickedSbom(digest, imageName(imageId), found.os(), found.components());
    }

    private static String imageName(String imageId) {
        String reference = imageId.substring(0, imageId.indexOf('@'));
        try {
            return ImageReference.parse(reference).name();
        } catch (IllegalArgumentException e) {
            return reference;
        }
    }
}
