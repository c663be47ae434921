package dev.kubeward.engine.custom;

import java.util.List;
import java.util.stream.Collectors;

/** A custom control that cannot be saved: every problem found, each with its position and CEL's message. */
public final class InvalidCustomControlException extends IllegalArgumentException {

    private final transient List<ExpressionProblem> problems;

    public InvalidCustomControlException(List<ExpressionProblem> problems) {
        super(problems.stream().map(ExpressionProblem::display).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<ExpressionProblem> problems() {
        return problems;
    }
}
