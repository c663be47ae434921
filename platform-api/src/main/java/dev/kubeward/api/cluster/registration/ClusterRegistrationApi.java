package dev.kubeward.api.cluster.registration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.UUID;

/** Register, rotate the secret of, and remove clusters (admin only). Reads of clusters live elsewhere. */
@RestController
@RequestMapping("/api/v1/clusters")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Cluster registration", description = "Register a cluster (secret and install command shown once), rotate, remove")
class ClusterRegistrationApi {

    record NewCluster(@NotBlank String name, String provider) {
    }

    private final ClusterRegistration registration;

    ClusterRegistrationApi(ClusterRegistration registration) {
        this.registration = registration;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a cluster; the response carries its secret and a ready-to-run helm install, once")
    ClusterRegistration.Registered register(@Valid @RequestBody NewCluster body) {
        return registration.register(body.name(), body.provider(), baseUrl());
    }

    @PostMapping("/{clusterId}/rotate")
    @Operation(summary = "Replace the cluster's secret; the old one stops working at once")
    ClusterRegistration.Registered rotate(@PathVariable UUID clusterId) {
        return registration.rotate(clusterId, baseUrl());
    }

    @DeleteMapping("/{clusterId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a cluster with all its scans and findings")
    void delete(@PathVariable UUID clusterId) {
        registration.delete(clusterId);
    }

    static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
