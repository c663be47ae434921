package dev.kubeward.engine.vuln.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.engine.vuln.Vectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RpmVersionSchemeTest {

    private final RpmVersionScheme rpm = new RpmVersionScheme();

    static Stream<String> vectors() {
        return Stream.concat(Vectors.lines("version/rpmvercmp.txt").stream(),
                Vectors.lines("version/rpm-caret.txt").stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void comparesSegmentsLikeRpmvercmp(String line) {
        String[] f = line.split(" ");
        assertThat(RpmVersionScheme.rpmvercmp(f[0], f[1])).isEqualTo(Integer.parseInt(f[2]));
    }

    @Test
    void epochOutranksVersion() {
        assertThat(rpm.compare("1:1.0-1.el9", "2.0-1.el9")).isPositive();
        assertThat(rpm.compare("0:3.0.7-24.el9", "3.0.7-24.el9")).isZero();
    }

    @Test
    void releaseBreaksTiesOnlyWhenBothHaveOne() {
        assertThat(rpm.compare("3.0.7-24.el9", "3.0.7-25.el9")).isNegative();
        assertThat(rpm.compare("3.0.7", "3.0.7-25.el9")).isZero();
        assertThat(rpm.compare("1:3.0.7-24.el9_3.1", "1:3.0.7-24.el9_3")).isPositive();
    }
}
