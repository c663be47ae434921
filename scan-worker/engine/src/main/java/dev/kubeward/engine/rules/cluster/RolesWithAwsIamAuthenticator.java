package dev.kubeward.engine.rules.cluster;

import dev.kubeward.engine.model.ClusterInfo.Provider;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;

import java.util.List;
import java.util.Set;

/**
 * C-0232 (EKS): whether RBAC users come from AWS IAM cannot be seen in the cluster, so every Role is listed
 * for review. Not judged on clusters known to run elsewhere.
 */
final class RolesWithAwsIamAuthenticator implements ResourceRule {

    @Override
    public String name() {
        return "review-roles-with-aws-iam-authenticator";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("Role");
    }

    @Override
    public List<Violation> check(KubeObject role, RuleContext ctx) {
        if (!Nodes.providerIs(ctx, Provider.EKS)) return List.of();
        return List.of(Violation.on(role)
                .message("review that the users bound to Role " + role.name() + " in namespace " + role.namespace()
                        + " are managed with AWS IAM Authenticator")
                .build());
    }
}
