package dev.kubeward.api.trend;

import dev.kubeward.api.query.SeverityCounts;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One day of a series (UTC): the state after that day's last scan (score of the framework, open findings by
 * severity) and what all that day's scans opened and resolved. {@code scannedAt} is null on the overall
 * series, which carries each cluster's last known state forward.
 */
public record TrendPoint(LocalDate day, Instant scannedAt, Double score, SeverityCounts open, int newFindings, int resolvedFindings) {
}
