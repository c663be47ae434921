package dev.kubeward.api.seed;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class FailureQuotaTest {

    @Test
    void spreadsTheExactTotalOverControlsEvenWhenTheTopControlsHitTheCap() {
        // the benchmark's shape: 3M findings, 500 clusters of 300 workloads, 80 failing controls → 6,000 per cluster
        int[] counts = FailureQuota.perControl(80, 300, 6000);
        assertThat(Arrays.stream(counts).sum()).isEqualTo(6000);
        assertThat(Arrays.stream(counts).max().getAsInt()).isEqualTo(285);
        assertThat(counts[0]).isEqualTo(285);
        assertThat(counts[79]).isPositive().isLessThan(counts[10]);
    }

    @Test
    void givesEveryClusterAShareAndLosesNoFinding() {
        int[] counts = FailureQuota.perCluster(500, 3_000_000, new Random(42));
        assertThat(Arrays.stream(counts).asLongStream().sum()).isEqualTo(3_000_000L);
        assertThat(Arrays.stream(counts).min().getAsInt()).isGreaterThan(2500);
        assertThat(Arrays.stream(counts).max().getAsInt()).isLessThan(9500);
    }

    @Test
    void apportionsRoundedSharesToTheirTotal() {
        assertThat(FailureQuota.apportion(new double[]{1.5, 1.5, 1.0}, 4, 10)).containsExactly(2, 1, 1);
        assertThat(FailureQuota.apportion(new double[]{0.4, 0.4, 0.2}, 1, 10)).containsExactly(1, 0, 0);
    }
}
