package dev.kubeward.engine.rules.controlplane;

import java.util.Optional;

/**
 * One condition on a control-plane binary's flags, e.g. "{@code --anonymous-auth} must be false, and it is
 * true when unset". Implementations state what Kubernetes does when the flag is absent, so a missing flag is
 * judged by the binary's own default rather than by its mere absence.
 */
@FunctionalInterface
interface FlagCheck {

    /** What is wrong with this command line; empty when it satisfies the condition. */
    Optional<FlagFinding> check(CommandLine commandLine);

    /**
     * This check, waived when {@code flag} is set — for flags that replace the one checked, such as
     * {@code --authorization-config}, which the API server refuses alongside {@code --authorization-mode}.
     */
    default FlagCheck unlessSet(String flag) {
        return cmd -> cmd.has(flag) ? Optional.empty() : check(cmd);
    }
}
