package dev.kubeward.engine.vuln.priority;

import java.util.List;

/**
 * The bucket for one CVE in one workload and why: the first reason is the rule that decided the bucket, the rest
 * are the signals that were considered.
 */
public record Priority(String cve, Bucket bucket, List<String> reasons) {

    public Priority {
        reasons = List.copyOf(reasons);
    }
}
