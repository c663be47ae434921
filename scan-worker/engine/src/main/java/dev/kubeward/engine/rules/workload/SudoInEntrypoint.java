package dev.kubeward.engine.rules.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.util.regex.Pattern;

/**
 * C-0062: containers whose command runs {@code sudo}, i.e. expect to gain root inside the container. Matched as
 * a word ({@code sudo}, {@code /usr/bin/sudo}, {@code sh -c "sudo x"}), not inside {@code pseudo}.
 */
final class SudoInEntrypoint extends PodSpecRule {

    private static final Pattern SUDO = Pattern.compile("(^|[^\\w.-])sudo($|[^\\w.-])");

    SudoInEntrypoint() {
        super("sudo-in-container-entrypoint");
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        for (PodTemplate.Container c : pod.containers()) {
            JsonNode command = c.json().path("command");
            for (int k = 0; k < command.size(); k++) {
                if (SUDO.matcher(command.get(k).asText()).find()) {
                    finding.failed(c.path() + ".command[" + k + "]")
                            .note("Container '" + c.name() + "' runs sudo in its entrypoint");
                }
            }
        }
    }
}
