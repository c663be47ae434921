package dev.kubeward.engine.rules.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * C-0036, C-0039: every admission webhook sees (and a mutating one may change) the requests it intercepts,
 * so each configuration is listed for review, with where its webhooks send requests.
 */
final class WebhookReview implements ResourceRule {

    private final String name;
    private final String kind;
    private final String adjective;

    private WebhookReview(String name, String kind, String adjective) {
        this.name = name;
        this.kind = kind;
        this.adjective = adjective;
    }

    static WebhookReview validating() {
        return new WebhookReview("list-all-validating-webhooks", "ValidatingWebhookConfiguration", "validating");
    }

    static WebhookReview mutating() {
        return new WebhookReview("list-all-mutating-webhooks", "MutatingWebhookConfiguration", "mutating");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(kind);
    }

    @Override
    public List<Violation> check(KubeObject configuration, RuleContext ctx) {
        List<String> targets = new ArrayList<>();
        for (JsonNode webhook : configuration.json().path("webhooks")) {
            JsonNode client = webhook.path("clientConfig");
            JsonNode service = client.path("service");
            targets.add(service.isObject()
                    ? "Service " + service.path("namespace").asText() + "/" + service.path("name").asText()
                    : client.path("url").asText("an unknown endpoint"));
        }
        String where = targets.isEmpty() ? "" : " (calls " + String.join(", ", targets.stream().distinct().toList()) + ")";
        return List.of(Violation.on(configuration)
                .message("review the " + adjective + " webhook configuration " + configuration.name() + where)
                .build());
    }
}
