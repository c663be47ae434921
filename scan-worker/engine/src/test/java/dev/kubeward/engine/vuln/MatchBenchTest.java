package dev.kubeward.engine.vuln;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Keeps the benchmark runnable; the real figure comes from running {@link MatchBench#main} at full size. */
class MatchBenchTest {

    @Test
    void benchmarkRunsAndFindsMatchesAtSmallScale() {
        MatchBench.Result r = MatchBench.run(8_000, 400, 3, 7);
        assertThat(r.matches()).isPositive();
        assertThat(r.runMillis()).hasSize(3);
    }
}
