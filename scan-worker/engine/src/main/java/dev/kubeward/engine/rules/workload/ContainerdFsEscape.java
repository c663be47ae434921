package dev.kubeward.engine.rules.workload;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * C-0087: nodes whose container runtime is a containerd release open to CVE-2022-23648 (host files readable
 * through image volumes): every 0.x and 1.x before 1.4.12, 1.5.10 and 1.6.1.
 */
final class ContainerdFsEscape implements ResourceRule {

    private static final Pattern CONTAINERD = Pattern.compile("containerd://v?(\\d+)\\.(\\d+)\\.(\\d+).*");
    private static final String PATH = "status.nodeInfo.containerRuntimeVersion";

    @Override
    public String name() {
        return "CVE-2022-23648";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("Node");
    }

    @Override
    public List<Violation> check(KubeObject node, RuleContext ctx) {
        String runtime = node.at(PATH).asText("");
        Matcher m = CONTAINERD.matcher(runtime);
        if (!m.matches()) return List.of();
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        int patch = Integer.parseInt(m.group(3));
        boolean vulnerable = major == 0 || major == 1 && (minor < 4 || minor == 4 && patch < 12
                || minor == 5 && patch < 10 || minor == 6 && patch < 1);
        if (!vulnerable) return List.of();
        return new Finding(node).failed(PATH)
                .note("Node " + node.name() + " runs " + runtime + ", vulnerable to CVE-2022-23648").result();
    }
}
