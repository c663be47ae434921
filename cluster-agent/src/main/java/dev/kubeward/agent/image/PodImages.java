package dev.kubeward.agent.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.agent.image.registry.ImageReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The images of a pod: every container's reference, pinned to the digest its status reports
 * ({@code imageID}, {@code repo@sha256:…}), which is the digest the platform keys images by. A container not
 * yet started has no such digest; its reference is resolved at the registry instead.
 */
public final class PodImages {

    private static final Logger log = LoggerFactory.getLogger(PodImages.class);
    /** A repository digest; a bare {@code sha256:…} imageID (docker's local image id) names a config, not a manifest. */
    private static final Pattern REPO_DIGEST = Pattern.compile("@(sha256:[0-9a-f]{64})");
    private static final List<String> CONTAINERS = List.of("initContainers", "containers", "ephemeralContainers");
    private static final List<String> STATUSES = List.of("initContainerStatuses", "containerStatuses", "ephemeralContainerStatuses");

    private PodImages() {
    }

    public static List<ImageJob> of(JsonNode pod) {
        String namespace = pod.path("metadata").path("namespace").asText("default");
        List<String> pullSecrets = new ArrayList<>();
        for (JsonNode s : pod.path("spec").path("imagePullSecrets")) {
            if (!s.path("name").asText("").isEmpty()) pullSecrets.add(s.path("name").asText());
        }
        Map<String, String> digests = new HashMap<>();
        for (String statuses : STATUSES) {
            for (JsonNode s : pod.path("status").path(statuses)) {
                Matcher m = REPO_DIGEST.matcher(s.path("imageID").asText(""));
                if (m.find()) digests.put(s.path("name").asText(), m.group(1));
            }
        }
        List<ImageJob> jobs = new ArrayList<>();
        for (String list : CONTAINERS) {
            for (JsonNode c : pod.path("spec").path(list)) {
                String reference = c.path("image").asText("");
                if (reference.isBlank()) continue;
                ImageReference image;
                try {
                    image = ImageReference.parse(reference);
                } catch (IllegalArgumentException e) {
                    log.debug("pod {}/{}: {}", namespace, pod.path("metadata").path("name").asText(), e.getMessage());
                    continue;
                }
                String digest = digests.get(c.path("name").asText());
                jobs.add(new ImageJob(digest == null ? image : image.withDigest(digest), namespace, pullSecrets));
            }
        }
        return jobs;
    }
}
