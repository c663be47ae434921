package dev.kubeward.api.rbac.web;

/**
 * The subject a link into the RBAC page asks to look at ({@code ?subject=ServiceAccount:ns:name}, {@code User:alice},
 * {@code Group:devs}; the resource page links a workload's service account this way), as the graph's node id
 * ({@link dev.kubeward.api.rbac.NodeIds}) and a label. A value in another shape focuses nothing.
 */
record SubjectFocus(String nodeId, String kind, String namespace, String name) {

    static SubjectFocus parse(String subject) {
        if (subject == null || subject.isBlank()) return null;
        String[] p = subject.trim().split(":", 3);
        return switch (p[0]) {
            case "ServiceAccount" -> p.length == 3 && !p[1].isBlank() && !p[2].isBlank()
                    ? new SubjectFocus("sa:" + p[1] + "/" + p[2], "ServiceAccount", p[1], p[2]) : null;
            case "User" -> p.length == 2 && !p[1].isBlank() ? new SubjectFocus("user:" + p[1], "User", null, p[1]) : null;
            case "Group" -> p.length == 2 && !p[1].isBlank() ? new SubjectFocus("group:" + p[1], "Group", null, p[1]) : null;
            default -> null;
        };
    }

    String label() {
        return namespace == null ? name : namespace + "/" + name;
    }
}
