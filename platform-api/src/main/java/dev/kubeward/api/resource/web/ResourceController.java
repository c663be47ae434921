package dev.kubeward.api.resource.web;

import dev.kubeward.api.resource.ResourceQueries;
import dev.kubeward.api.resource.ResourceView;
import dev.kubeward.api.query.QueryApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@Tag(name = "Resources", description = "One Kubernetes object: manifest, findings, related objects")
@RestController
@QueryApi
@PreAuthorize("hasRole('VIEWER')")
class ResourceController {

    private final ResourceQueries resources;

    ResourceController(ResourceQueries resources) {
        this.resources = resources;
    }

    @Operation(summary = "Get one object of a cluster", description = "Its latest manifest as JSON and YAML, every finding on it "
            + "(open and resolved) and related objects: owner, owned, service account, bindings, Services and NetworkPolicies "
            + "selecting it, objects named by its findings.")
    @GetMapping("/api/v1/clusters/{clusterId}/resources/{kind}/{name}")
    ResourceView get(@PathVariable UUID clusterId, @PathVariable String kind, @PathVariable String name,
                     @Parameter(description = "Namespace; absent or empty for cluster-scoped objects") @RequestParam(defaultValue = "") String namespace) {
        return resources.get(clusterId, kind, namespace, name);
    }
}
