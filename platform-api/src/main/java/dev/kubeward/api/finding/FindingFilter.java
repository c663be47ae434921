package dev.kubeward.api.finding;

import dev.kubeward.api.query.BadRequestException;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a findings list, group view or export shows; empty or null fields do not filter.
 *
 * @param status   open (default), resolved or all
 * @param newSince only findings first seen at or after this instant
 * @param q        part of the object's name (case-insensitive)
 * @param excepted true: only excepted (accepted risk); false: hide them; null: both
 */
public record FindingFilter(List<UUID> clusters, String framework, List<String> controls, List<String> severities,
                            String namespace, String kind, String status, Instant newSince, String q, Boolean excepted) {

    static final Set<String> STATUSES = Set.of("open", "resolved", "all");
    static final Set<String> SEVERITIES = Set.of("critical", "high", "medium", "low");

    public FindingFilter {
        clusters = clusters == null ? List.of() : List.copyOf(clusters);
        controls = controls == null ? List.of() : List.copyOf(controls);
        severities = severities == null ? List.of() : severities.stream().map(s -> s.trim().toLowerCase()).toList();
        status = status == null || status.isBlank() ? "open" : status.trim().toLowerCase();
        if (!STATUSES.contains(status)) throw new BadRequestException("status must be one of " + STATUSES);
        for (String s : severities) if (!SEVERITIES.contains(s)) throw new BadRequestException("severity must be one of " + SEVERITIES);
    }

    /** Open findings, no other narrowing. */
    public static FindingFilter open() {
        return new FindingFilter(null, null, null, null, null, null, "open", null, null, null);
    }

    public FindingFilter withClusters(List<UUID> c) {
        return new FindingFilter(c, framework, controls, severities, namespace, kind, status, newSince, q, excepted);
    }

    public FindingFilter withControls(List<String> c) {
        return new FindingFilter(clusters, framework, c, severities, namespace, kind, status, newSince, q, excepted);
    }

    public FindingFilter withStatus(String s) {
        return new FindingFilter(clusters, framework, controls, severities, namespace, kind, s, newSince, q, excepted);
    }
}
