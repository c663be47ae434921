package dev.kubeward.agent.image;

import dev.kubeward.agent.image.layer.ScanLimits;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * How the agent analyses images.
 *
 * @param platform               platform-api's base URL; SBOMs go to {@code /ingest/v1/sboms} under it
 * @param allowPlainHttpPlatform accept an {@code http://} platform URL (SBOMs stay signed, not encrypted)
 * @param workDir                the scratch directory of the image being analysed (the digest cache lives there too)
 * @param queueCapacity          images waiting; more are dropped and offered again by a later snapshot
 * @param plainHttpRegistries    {@code host:port} of registries without TLS
 * @param imageTimeout           longest one image may take (a registry that stops sending mid-layer)
 * @param retryFailedAfter       how long an image that failed is left alone before it is tried again
 */
public record ImageScanSettings(URI platform, boolean allowPlainHttpPlatform, Path workDir, ScanLimits limits,
                                int queueCapacity, Set<String> plainHttpRegistries, Duration imageTimeout, Duration retryFailedAfter) {

    public ImageScanSettings {
        plainHttpRegistries = Set.copyOf(plainHttpRegistries);
    }
}
