package dev.kubeward.api.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The demo as described in {@code classpath:demo/demo.yaml}: tenants, their users and clusters, each cluster's history. */
public record DemoDefinition(List<DemoTenant> tenants) {

    public record DemoTenant(String slug, String name, List<DemoUser> users, List<DemoCluster> clusters) {
    }

    public record DemoUser(String username, String name, String email, String role) {
    }

    public record DemoCluster(String name, String provider, String region, String version, int nodes, List<ManifestRef> base,
                              List<TimelineStep> timeline) {
    }

    /** A manifest file or directory (relative to {@code demo/}); {@code namespace} is set on namespaced objects that name none. */
    public record ManifestRef(String file, String namespace) {
    }

    /** On {@code day} (0 = two weeks ago, 14 = today): {@code apply} a file (add or replace by identity) or {@code remove} Kind/namespace/name. */
    public record TimelineStep(int day, String apply, String remove) {
    }

    public static final int HISTORY_DAYS = 14;

    public static DemoDefinition load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = DemoDefinition.class.getResourceAsStream("/demo/demo.yaml")) {
            return yaml.readValue(in, DemoDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo/demo.yaml", e);
        }
    }
}
