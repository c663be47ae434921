package dev.kubeward.engine.vuln.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeward.engine.vuln.PackageRef;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads CycloneDX JSON (1.4 to 1.6) and SPDX JSON (2.3) into one {@link Sbom}. The image digest comes from the
 * subject of the document: its {@code pkg:oci} purl, a {@code sha256:} version, or Trivy's {@code RepoDigest}
 * property.
 */
public final class SbomParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DIGEST = Pattern.compile("sha256(?::|%3A)([0-9a-f]{64})", Pattern.CASE_INSENSITIVE);

    public Sbom parse(InputStream in) throws IOException {
        return parse(JSON.readTree(in));
    }

    public Sbom parse(JsonNode root) {
        if ("CycloneDX".equals(root.path("bomFormat").asText())) {
            return cycloneDx(root);
        }
        if (root.path("spdxVersion").asText("").startsWith("SPDX-")) {
            return spdx(root);
        }
        throw new IllegalArgumentException("neither CycloneDX (bomFormat) nor SPDX (spdxVersion) JSON");
    }

    private Sbom cycloneDx(JsonNode root) {
        List<Component> components = new ArrayList<>();
        collectCycloneDx(root.path("components"), components);
        JsonNode subject = root.path("metadata").path("component");
        String digest = firstDigest(subject.path("purl").asText(null), subject.path("bom-ref").asText(null),
                subject.path("version").asText(null));
        for (JsonNode p : subject.path("properties")) {
            if (digest == null && p.path("name").asText("").endsWith("RepoDigest")) {
                digest = firstDigest(p.path("value").asText(null));
            }
        }
        return new Sbom("CycloneDX " + root.path("specVersion").asText("?"), digest, components);
    }

    private void collectCycloneDx(JsonNode array, List<Component> out) {
        for (JsonNode c : array) {
            Component component = component(c.path("name").asText(""), c.path("version").asText(""),
                    c.path("purl").asText(null));
            out.add(withTrivySource(component, c.path("properties")));
            collectCycloneDx(c.path("components"), out);
        }
    }

    private Sbom spdx(JsonNode root) {
        List<Component> components = new ArrayList<>();
        String digest = null;
        for (JsonNode p : root.path("packages")) {
            String purl = null;
            for (JsonNode ref : p.path("externalRefs")) {
                if ("purl".equals(ref.path("referenceType").asText())) {
                    purl = ref.path("referenceLocator").asText(null);
                }
            }
            boolean container = "CONTAINER".equals(p.path("primaryPackagePurpose").asText())
                    || (purl != null && purl.startsWith("pkg:oci/"));
            if (container) {
                if (digest == null) {
                    digest = firstDigest(purl, p.path("versionInfo").asText(null));
                }
                continue;
            }
            components.add(component(p.path("name").asText(""), p.path("versionInfo").asText(""), purl));
        }
        return new Sbom(root.path("spdxVersion").asText(), digest, components);
    }

    private Component component(String name, String version, String purlText) {
        PackageUrl purl = null;
        if (purlText != null && !purlText.isBlank()) {
            try {
                purl = PackageUrl.parse(purlText);
            } catch (IllegalArgumentException e) {
                // NB: one bad purl must not lose the rest of the SBOM; the component stays, unmatched.
            }
        }
        return new Component(name, version, purl, purl == null ? null : PurlPackages.toPackage(purl).orElse(null));
    }

    /**
     * Trivy names the source package of a distribution package in properties rather than in the purl; advisories
     * are per source package, so those win.
     */
    private static Component withTrivySource(Component c, JsonNode properties) {
        if (c.pkg() == null || !c.pkg().ecosystem().isDistro()) {
            return c;
        }
        String name = null;
        String version = null;
        String release = null;
        String epoch = null;
        for (JsonNode p : properties) {
            String value = p.path("value").asText(null);
            switch (p.path("name").asText("")) {
                case "aquasecurity:trivy:SrcName" -> name = value;
                case "aquasecurity:trivy:SrcVersion" -> version = value;
                case "aquasecurity:trivy:SrcRelease" -> release = value;
                case "aquasecurity:trivy:SrcEpoch" -> epoch = value;
                default -> { }
            }
        }
        if (name == null) {
            return c;
        }
        String full = c.pkg().version();
        if (version != null) {
            full = (epoch == null || epoch.equals("0") ? "" : epoch + ":") + version
                    + (release == null || release.isEmpty() ? "" : "-" + release);
        }
        return new Component(c.name(), c.version(), c.purl(),
                new PackageRef(c.pkg().ecosystem(), name, full, c.pkg().release()));
    }

    private static String firstDigest(String... candidates) {
        for (String c : candidates) {
            if (c != null) {
                Matcher m = DIGEST.matcher(c);
                if (m.find()) {
                    return "sha256:" + m.group(1).toLowerCase();
                }
            }
        }
        return null;
    }
}
