package dev.kubeward.engine.rbac.graph;

/**
 * A directed edge of the RBAC graph. {@code label} carries the risk-rule id of a derived {@code CAN_BECOME} edge
 * (R15, R09…); {@code flag} is the automount flag of {@code RUNS_AS} and the dangling flag of {@code REFERS_TO}.
 * Edges are compared by identity, as jgrapht multigraphs require.
 */
public final class GraphEdge {

    public enum Type { SUBJECT_OF, REFERS_TO, AGGREGATES, MEMBER_OF, RUNS_AS, CONTAINS, CAN_BECOME, IS_ADMIN }

    private final Type type;
    private final String label;
    private final boolean flag;

    GraphEdge(Type type, String label, boolean flag) {
        this.type = type;
        this.label = label;
        this.flag = flag;
    }

    public Type type() { return type; }
    public String label() { return label; }
    /** RUNS_AS: the token is mounted; REFERS_TO: the role does not exist. */
    public boolean flag() { return flag; }

    /** Whether an attacker holding the source can act as the target. */
    public boolean traversable() {
        return switch (type) {
            case MEMBER_OF, CONTAINS, CAN_BECOME, IS_ADMIN -> true;
            case RUNS_AS -> flag;
            default -> false;
        };
    }

    @Override
    public String toString() {
        return type + (label == null ? "" : "(" + label + ")");
    }
}
