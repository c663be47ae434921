package dev.kubeward.engine.rules.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * C-0012: ConfigMap entries that hold credentials — a sensitive key name, or a value (as written, or once
 * base64-decoded) matching a sensitive pattern ({@link SensitiveData}). ConfigMaps are neither encrypted at rest
 * nor access-restricted the way Secrets are.
 */
final class CredentialsInConfigMap implements ResourceRule {

    @Override
    public String name() {
        return "rule-credentials-configmap";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("ConfigMap");
    }

    @Override
    public List<Violation> check(KubeObject configMap, RuleContext ctx) {
        SensitiveData sensitive = SensitiveData.from(ctx.inputs());
        Finding finding = new Finding(configMap);
        Iterator<Map.Entry<String, JsonNode>> it = configMap.json().path("data").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String value = e.getValue().asText("");
            if (value.isEmpty() || sensitive.allowed(key, value)) continue;
            if (sensitive.sensitiveName(key, value) || sensitive.looksSensitive(value)
                    || decoded(value).filter(sensitive::looksSensitive).isPresent()) {
                String path = "data[" + key + "]";
                finding.failed(path).delete(path).note("ConfigMap key '" + key + "' looks like a credential");
            }
        }
        return finding.result();
    }

    /** The value base64-decoded, when it is padded base64 as Go's standard decoder requires. */
    static Optional<String> decoded(String value) {
        String v = value.trim();
        if (v.length() < 4 || v.length() % 4 != 0) return Optional.empty();
        try {
            return Optional.of(new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
