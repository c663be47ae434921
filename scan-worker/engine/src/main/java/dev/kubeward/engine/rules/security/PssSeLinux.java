package dev.kubeward.engine.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;
import dev.kubeward.engine.snapshot.PodTemplate.Container;

import java.util.Set;

import static dev.kubeward.engine.rules.security.SecurityContexts.present;

/**
 * KW-PSS-005, PSS baseline "SELinux": the SELinux type, if set, is one of the container types, and no custom
 * SELinux user or role is set — on the pod or any container.
 */
final class PssSeLinux extends PodTemplateRule {

    static final Set<String> ALLOWED_TYPES = Set.of("container_t", "container_init_t", "container_kvm_t", "container_engine_t");

    PssSeLinux() {
        super("kw-pss-selinux");
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        check(pod.podSecurityContext().path("seLinuxOptions"), pod.specPath() + ".securityContext.seLinuxOptions", "the pod", finding);
        for (Container c : pod.allContainers()) {
            check(c.securityContext().path("seLinuxOptions"), c.path() + ".securityContext.seLinuxOptions", "container " + c.name(), finding);
        }
    }

    private static void check(JsonNode options, String path, String who, Finding finding) {
        JsonNode type = options.path("type");
        if (present(type) && !type.asText().isEmpty() && !ALLOWED_TYPES.contains(type.asText())) {
            finding.failed(path + ".type").message(who + " sets SELinux type " + type.asText());
        }
        for (String f : new String[]{"user", "role"}) {
            if (present(options.path(f)) && !options.path(f).asText().isEmpty()) {
                finding.failedAndDelete(path + "." + f).message(who + " sets a custom SELinux " + f);
            }
        }
    }
}
