package dev.kubeward.engine.rules.security;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;

import java.util.List;
import java.util.Set;

/**
 * C-0193..C-0204: a namespace enforces a Pod Security Standard level through Pod Security Admission's
 * {@code pod-security.kubernetes.io/enforce} label. Kubescape ships each check twice (-1, -2) with the
 * same verdicts; we register both names over one implementation.
 */
final class PodSecurityAdmissionLabel implements ResourceRule {

    static final String ENFORCE = "pod-security.kubernetes.io/enforce";

    private final String name;
    private final String level;
    private final Set<String> accepted;

    private PodSecurityAdmissionLabel(String name, String level, Set<String> accepted) {
        this.name = name;
        this.level = level;
        this.accepted = accepted;
    }

    /** Baseline or stricter. */
    static PodSecurityAdmissionLabel baseline(String name) {
        return new PodSecurityAdmissionLabel(name, "baseline", Set.of("baseline", "restricted"));
    }

    static PodSecurityAdmissionLabel restricted(String name) {
        return new PodSecurityAdmissionLabel(name, "restricted", Set.of("restricted"));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> kinds() {
        return Set.of("Namespace");
    }

    @Override
    public List<Violation> check(KubeObject ns, RuleContext ctx) {
        if (accepted.contains(ns.labels().path(ENFORCE).asText(""))) return List.of();
        return List.of(Violation.on(ns)
                .message("namespace " + ns.name() + " does not enforce the " + level + " Pod Security Standard")
                .fix("metadata.labels[" + ENFORCE + "]", level)
                .build());
    }
}
