package dev.kubeward.api.controlinputs;

import java.util.List;

/** A change of control inputs that cannot be applied, with every reason; nothing was stored. */
public class InvalidControlInputs extends RuntimeException {

    private final List<String> problems;

    public InvalidControlInputs(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
