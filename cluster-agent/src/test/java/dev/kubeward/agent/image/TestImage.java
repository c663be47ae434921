package dev.kubeward.agent.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An image for {@link LocalRegistry}: its blobs and manifests (Docker schema 2 or OCI), optionally behind an OCI index. */
public final class TestImage {

    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String OCI_GZIP_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";
    public static final String DOCKER_GZIP_LAYER = "application/vnd.docker.image.rootfs.diff.tar.gzip";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A layer as the manifest lists it; {@code declaredSize} may lie. */
    public record Layer(String mediaType, byte[] blob, long declaredSize) {
        public static Layer gzip(byte[] blob) {
            return new Layer(OCI_GZIP_LAYER, blob, blob.length);
        }
    }

    /** A manifest as served: its media type and exact bytes. */
    public record Manifest(String mediaType, byte[] bytes) {
        public String digest() {
            return TestImage.digest(bytes);
        }
    }

    final Map<String, byte[]> blobs = new LinkedHashMap<>();
    final Map<String, Manifest> manifests = new LinkedHashMap<>();
    private final Manifest top;

    private TestImage(Manifest top) {
        this.top = top;
        manifests.put(top.digest(), top);
    }

    public static TestImage oci(byte[]... gzipLayers) {
        return of(OCI_MANIFEST, Arrays.stream(gzipLayers).map(Layer::gzip).toList());
    }

    public static TestImage docker(byte[]... gzipLayers) {
        return of(DOCKER_MANIFEST, Arrays.stream(gzipLayers).map(b -> new Layer(DOCKER_GZIP_LAYER, b, b.length)).toList());
    }

    public static TestImage of(String manifestType, List<Layer> layers) {
        byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\"}}".getBytes(StandardCharsets.UTF_8);
        ObjectNode m = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", manifestType);
        m.putObject("config").put("mediaType", manifestType.equals(DOCKER_MANIFEST) ? "application/vnd.docker.container.image.v1+json"
                : "application/vnd.oci.image.config.v1+json").put("digest", digest(config)).put("size", config.length);
        ArrayNode list = m.putArray("layers");
        for (Layer l : layers) list.addObject().put("mediaType", l.mediaType()).put("digest", digest(l.blob())).put("size", l.declaredSize());
        TestImage image = new TestImage(new Manifest(manifestType, bytes(m)));
        image.blobs.put(digest(config), config);
        for (Layer l : layers) image.blobs.put(digest(l.blob()), l.blob());
        return image;
    }

    /** An OCI index: an arm64 image first, then the amd64 one, then a buildx attestation, as multi-platform builds push them. */
    public static TestImage index(TestImage arm64, TestImage amd64) {
        ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", "application/vnd.oci.image.index.v1+json");
        ArrayNode list = index.putArray("manifests");
        ((ObjectNode) entry(list, arm64.top, "linux", "arm64").get("platform")).put("variant", "v8");
        entry(list, amd64.top, "linux", "amd64");
        entry(list, amd64.top, "unknown", "unknown").putObject("annotations").put("vnd.docker.reference.type", "attestation-manifest");
        TestImage image = new TestImage(new Manifest("application/vnd.oci.image.index.v1+json", bytes(index)));
        for (TestImage child : List.of(arm64, amd64)) {
            image.blobs.putAll(child.blobs);
            image.manifests.putAll(child.manifests);
        }
        return image;
    }

    /** The digest pods report: the index's for a multi-platform image. */
    public String digest() {
        return top.digest();
    }

    public static String digest(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode entry(ArrayNode list, Manifest m, String os, String arch) {
        ObjectNode e = list.addObject().put("mediaType", m.mediaType()).put("digest", m.digest()).put("size", m.bytes().length);
        e.putObject("platform").put("os", os).put("architecture", arch);
        return e;
    }

    private static byte[] bytes(ObjectNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
