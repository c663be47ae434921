package dev.kubeward.agent.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeward.contract.ClusterMetadata;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterDetectorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}: {1} / {2}")
    @CsvSource({
            // fixture, provider, distribution, version (from the kubelets, file mode)
            "eks,              eks,       EKS 1.29,                    v1.29.3-eks-ae9a62a",
            "aks,              aks,       AKS 1.28,                    v1.28.5",
            "gke,              gke,       GKE 1.29,                    v1.29.1-gke.1589018",
            "openshift,        openshift, OpenShift 1.27,              v1.27.11+749fe1d",
            "k3s,              k3s,       k3s 1.29,                    v1.29.3+k3s1",
            "onprem,           onprem,    Kubernetes 1.30,             v1.30.2",
            "aws-self-managed, eks,       Kubernetes 1.28 on AWS,      v1.28.9"})
    void detectsCloudAndDistributionFromNodes(String fixture, String provider, String distribution, String version) throws IOException {
        JsonNode node = node(fixture);

        ClusterMetadata metadata = ClusterDetector.detect(null, List.of(node, node, node));

        assertThat(metadata).isEqualTo(new ClusterMetadata(provider, distribution, version, 3));
    }

    @Test
    void serverVersionWinsOverKubeletsAndCarriesDistributionMarkers() throws IOException {
        // A kubeadm-looking node, but the API server says EKS (Fargate-only clusters have no node-group labels).
        ClusterMetadata metadata = ClusterDetector.detect("v1.30.0-eks-036c24b", List.of(node("onprem")));

        assertThat(metadata).isEqualTo(new ClusterMetadata("eks", "EKS 1.30", "v1.30.0-eks-036c24b", 1));
    }

    @Test
    void gkeVersionStringAloneIsEnough() {
        ClusterMetadata metadata = ClusterDetector.detect("v1.29.4-gke.1043002", List.of());

        assertThat(metadata.provider()).isEqualTo("gke");
        assertThat(metadata.nodeCount()).isZero();
    }

    @Test
    void nothingKnownIsOnPremWithUnknownVersion() {
        assertThat(ClusterDetector.detect(null, List.of())).isEqualTo(new ClusterMetadata("onprem", "Kubernetes", "unknown", 0));
    }

    @Test
    void highestKubeletVersionStandsForTheClusterInFileMode() throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String v : List.of("v1.28.9", "v1.29.10", "v1.29.2")) {
            var n = node("onprem").deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) n.path("status").path("nodeInfo")).put("kubeletVersion", v);
            nodes.add(n);
        }

        assertThat(ClusterDetector.detect(null, nodes).kubernetesVersion()).isEqualTo("v1.29.10");
    }

    @Test
    void streamsNodesOneByOne() throws IOException {
        ClusterDetector.Accumulator acc = ClusterDetector.accumulator();
        for (int i = 0; i < 5000; i++) acc.add(node("aks"));

        assertThat(acc.result("v1.28.5")).isEqualTo(new ClusterMetadata("aks", "AKS 1.28", "v1.28.5", 5000));
    }

    private static JsonNode node(String fixture) throws IOException {
        try (InputStream in = ClusterDetectorTest.class.getResourceAsStream("/nodes/" + fixture + ".json")) {
            return JSON.readTree(in);
        }
    }
}
