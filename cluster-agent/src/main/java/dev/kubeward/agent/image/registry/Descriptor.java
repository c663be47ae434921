package dev.kubeward.agent.image.registry;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.regex.Pattern;

/**
 * A content descriptor of a manifest: media type, digest and size of a layer, config or child manifest. Only
 * sha256 digests are accepted, so a digest is always safe to put into a URL path.
 *
 * @param size -1 when the manifest does not say
 */
public record Descriptor(String mediaType, String digest, long size) {

    public static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-f]{64}");

    public Descriptor {
        if (digest == null || !SHA256.matcher(digest).matches()) throw new RegistryException("unsupported or malformed digest: " + digest);
    }

    static Descriptor of(JsonNode node) {
        return new Descriptor(node.path("mediaType").asText(""), node.path("digest").asText(null), node.path("size").asLong(-1));
    }
}
