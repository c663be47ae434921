package dev.kubeward.api.cluster;

import java.time.Instant;

/** A snapshot chunk the worker refused (bad signature, undecodable, oversized...). */
public record Rejection(long id, String snapshotId, String code, String reason, Instant at) {
}
