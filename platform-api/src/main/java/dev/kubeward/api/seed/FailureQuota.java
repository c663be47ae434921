package dev.kubeward.api.seed;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Exact finding counts for the seeder: how many findings each cluster gets and how many of a cluster's workloads
 * fail each control. Counts are apportioned, not drawn, so asking for 3M findings gives 3M findings: drawing a
 * Bernoulli per workload and control with Zipf rates capped at 95 % lost the capped mass (2.64M of 3M).
 */
final class FailureQuota {

    /** No control fails in every workload of a cluster: a page of "all failed" controls would hide the passes. */
    static final double CAP = 0.95;

    private FailureQuota() {
    }

    /** Findings per cluster: {@code total} spread over the clusters with sizes from about half to one and a half of the mean. */
    static int[] perCluster(int clusters, int total, Random random) {
        double[] weight = new double[clusters];
        for (int k = 0; k < clusters; k++) weight[k] = 0.5 + random.nextDouble();
        double sum = Arrays.stream(weight).sum();
        return apportion(Arrays.stream(weight).map(w -> w / sum * total).toArray(), total, Integer.MAX_VALUE);
    }

    /**
     * Failing workloads per control, Zipf-like (a few controls fail almost everywhere, most rarely), summing to
     * {@code total}, none above {@link #CAP} of {@code workloads}. Capped controls hand their excess to the others.
     */
    static int[] perControl(int controls, int workloads, int total) {
        int cap = (int) Math.floor(CAP * workloads);
        if ((long) cap * controls < total) {
            throw new IllegalArgumentException(total + " findings do not fit " + controls + " controls × " + cap + " workloads");
        }
        double[] w = IntStream.range(0, controls).mapToDouble(i -> 1 / Math.pow(i + 1, 0.8)).toArray();
        double[] share = new double[controls];
        double remainingWeight = Arrays.stream(w).sum(), left = total;
        // weights decrease, so once a control is under the cap every later one is too and keeps its proportional share
        for (int i = 0; i < controls; i++) {
            share[i] = Math.min(cap, w[i] / remainingWeight * left);
            left -= share[i];
            remainingWeight -= w[i];
        }
        return apportion(share, total, cap);
    }

    /** Largest-remainder rounding: integers that sum to {@code total}, each within one of its share and at most {@code cap}. */
    static int[] apportion(double[] share, int total, int cap) {
        int[] out = new int[share.length];
        long sum = 0;
        for (int i = 0; i < share.length; i++) sum += out[i] = (int) Math.min(cap, Math.floor(share[i]));
        Integer[] byRemainder = IntStream.range(0, share.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> share[i] - Math.floor(share[i])).reversed()).toArray(Integer[]::new);
        for (int j = 0; sum < total && byRemainder.length > 0; j = (j + 1) % byRemainder.length) {
            int i = byRemainder[j];
            if (out[i] < cap) {
                out[i]++;
                sum++;
            }
        }
        return out;
    }
}
