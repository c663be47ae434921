package dev.kubeward.api.custom;

import dev.kubeward.engine.custom.ExpressionProblem;

import java.util.List;

/** A custom control that cannot be saved, with every problem (field, line, column, CEL's message). */
public class InvalidCustomControl extends RuntimeException {

    private final transient List<ExpressionProblem> problems;

    public InvalidCustomControl(List<ExpressionProblem> problems) {
        super(String.join("; ", problems.stream().map(ExpressionProblem::display).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<ExpressionProblem> problems() {
        return problems;
    }
}
