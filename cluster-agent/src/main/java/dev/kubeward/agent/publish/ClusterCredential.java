package dev.kubeward.agent.publish;

import java.nio.charset.StandardCharsets;

/** The cluster id and secret issued at registration; the secret signs every chunk and never leaves the agent otherwise. */
public record ClusterCredential(String clusterId, String secret) {

    public byte[] secretBytes() {
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ClusterCredential[clusterId=" + clusterId + "]";
    }
}
