package dev.kubeward.api.report;

import java.time.Instant;

/** A compliance report to generate: a framework, a scope and a period (default: the last 30 days up to now). */
public record ReportRequest(String framework, ReportScope scope, Instant from, Instant to) {
}
