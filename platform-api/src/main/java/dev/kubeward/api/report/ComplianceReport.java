package dev.kubeward.api.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The content of one compliance report, in the order an auditor reads it (UI.md, "Anatomy of an auditor-ready
 * compliance report"). This record is what the content hash covers; HTML, PDF, JSON and CSV are renderings of it.
 */
public record ComplianceReport(Cover cover, Summary summary, List<ClusterInScope> clusters, List<TrendPoint> trend,
                               List<ControlRow> controls, List<ExceptionEntry> exceptions, List<NotEvaluated> notEvaluated,
                               Method method) {

    public record Cover(UUID reportId, String tenant, String framework, String frameworkTitle, String libraryVersion,
                        Instant periodFrom, Instant periodTo, Instant asOf, String scope, String generatedBy, Instant generatedAt) {
    }

    /** Scores are percentages (0–100), null when no control applied. */
    public record Summary(Double score, Double startScore, Double change, int controlsPassed, int controlsFailed, int controlsNotApplicable,
                          int controlsExternal, int controlsManual, int controlsWithExceptions, int resourcesExcepted,
                          int openCritical, int openHigh, Map<String, Integer> openCriticalByAge, int clustersAssessed, int clustersNotAssessed) {
    }

    public record ClusterInScope(UUID id, String name, String provider, String region, String kubernetesVersion, String agentVersion,
                                 Instant lastSnapshot, Double score, boolean assessed, String note) {
    }

    public record TrendPoint(LocalDate day, Double score) {
    }

    public record ControlRow(String id, String name, String severity, String status, int failed, int passed, int excepted, Double score,
                             String remediation, List<Evidence> evidence, int evidenceTotal, List<String> exceptedBy) {
    }

    public record Evidence(String cluster, String kind, String namespace, String name, Instant firstSeen, String failedPaths,
                           String exceptedBy) {
    }

    public record ExceptionEntry(String name, String status, String reason, String compensatingControl, String owner, String requestedBy,
                                 Instant requestedAt, String approvedBy, Instant approvedAt, Instant expiresAt, String ticketUrl,
                                 List<String> controls, String scope, int findingsCovered) {
    }

    public record NotEvaluated(String id, String name, String status, String reason) {
    }

    public record Method(String formula, String aggregation, String exceptions, String notAssessed, String trend) {
    }
}
