package dev.kubeward.engine.rules.cluster;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SemanticVersionTest {

    private static SemanticVersion v(String text) {
        return SemanticVersion.parse(text).orElseThrow();
    }

    @Test
    void parsesWhatNodesAndImagesReport() {
        assertThat(v("v1.27.3-eks-4f4795d")).isEqualTo(SemanticVersion.of(1, 27, 3));
        assertThat(v("v1.20.7+k3s1")).isEqualTo(SemanticVersion.of(1, 20, 7));
        assertThat(v("1.28")).isEqualTo(SemanticVersion.of(1, 28, 0));
        assertThat(v("v1.32.11-rke2r1")).isEqualTo(SemanticVersion.of(1, 32, 11));
        assertThat(SemanticVersion.parse("latest")).isEmpty();
        assertThat(SemanticVersion.parse("v1")).isEmpty();
        assertThat(SemanticVersion.parse(null)).isEmpty();
    }

    @Test
    void comparesNumbersNotStrings() {
        assertThat(v("v1.9.0").isBefore(v("v1.19.14"))).isTrue();
        assertThat(v("v1.20.10").isBefore(v("v1.20.9"))).isFalse();
    }

    @Test
    void symlinkExchangeAffectsTheAnnouncedKubeletRanges() {
        assertThat(SubPathSymlinkExchange.affected(v("v1.9.3"))).isTrue();
        assertThat(SubPathSymlinkExchange.affected(v("v1.19.15"))).isFalse();
        assertThat(SubPathSymlinkExchange.affected(v("v1.20.10-eks-1"))).isTrue();
        assertThat(SubPathSymlinkExchange.affected(v("v1.20.11"))).isFalse();
        assertThat(SubPathSymlinkExchange.affected(v("v1.22.1"))).isTrue();
        assertThat(SubPathSymlinkExchange.affected(v("v1.22.2"))).isFalse();
    }

    @Test
    void aggregatedApiRedirectIsFixedPerMinorRelease() {
        assertThat(AggregatedApiRedirect.affected(v("v1.21.14"))).isTrue();
        assertThat(AggregatedApiRedirect.affected(v("v1.22.13"))).isTrue();
        assertThat(AggregatedApiRedirect.affected(v("v1.22.14"))).isFalse();
        assertThat(AggregatedApiRedirect.affected(v("v1.25.0"))).isTrue();
        assertThat(AggregatedApiRedirect.affected(v("v1.26.0"))).isFalse();
    }

    @Test
    void outdatedMeansOlderThanTheThreeSupportedMinors() {
        assertThat(OutdatedKubernetesVersion.outdated(v("v1.25.3"))).isTrue();
        assertThat(OutdatedKubernetesVersion.outdated(v("v1.3.0"))).isTrue();
        assertThat(OutdatedKubernetesVersion.outdated(v("v1.32.0-gke.1"))).isFalse();
        assertThat(OutdatedKubernetesVersion.outdated(v("v1.35.0"))).isFalse();
    }
}
