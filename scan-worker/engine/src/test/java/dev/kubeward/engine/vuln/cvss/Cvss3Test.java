package dev.kubeward.engine.vuln.cvss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeward.engine.vuln.Vectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Cvss3Test {

    static Stream<String> vectors() {
        return Vectors.lines("cvss/cvss31-vectors.txt").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void computesTheBaseScore(String line) {
        String vector = line.substring(0, line.indexOf(" - "));
        double base = Double.parseDouble(line.substring(line.indexOf('(') + 1, line.indexOf(',')));
        assertThat(Cvss3.parse(vector).baseScore()).isEqualTo(base);
    }

    @Test
    void scoresWellKnownNvdVectors() {
        // NVD: CVE-2021-44228 (Log4Shell) 10.0, CVE-2014-0160 (Heartbleed) 7.5, CVE-2023-4911 (Looney Tunables) 7.8
        assertThat(Cvss3.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H").severity())
                .isEqualTo(Cvss3.Severity.CRITICAL);
        assertThat(Cvss3.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N").baseScore()).isEqualTo(7.5);
        assertThat(Cvss3.parse("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H").baseScore()).isEqualTo(7.8);
    }

    @Test
    void roundsUpWithoutFloatingPointNoise() {
        assertThat(Cvss3.roundUp(4.000_000_2)).isEqualTo(4.0);
        assertThat(Cvss3.roundUp(4.02)).isEqualTo(4.1);
    }

    @Test
    void ignoresTemporalMetricsAndRejectsIncompleteVectors() {
        assertThat(Cvss3.parse("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O").baseScore()).isEqualTo(9.8);
        assertThatThrownBy(() -> Cvss3.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A");
        assertThatThrownBy(() -> Cvss3.parse("AV:N/AC:L/Au:N/C:P/I:P/A:P")).isInstanceOf(IllegalArgumentException.class);
    }
}
