package dev.kubeward.engine.vuln.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeward.engine.vuln.Vectors;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Pep440VersionSchemeTest {

    private final Pep440VersionScheme pep440 = new Pep440VersionScheme();

    @Test
    void ordersEveryPairOfPackagingsSortedVersions() {
        List<String> ordered = Vectors.lines("version/pep440-order.txt");
        for (int i = 0; i < ordered.size(); i++) {
            for (int j = 0; j < ordered.size(); j++) {
                assertThat(pep440.compare(ordered.get(i), ordered.get(j)))
                        .as("%s vs %s", ordered.get(i), ordered.get(j)).isEqualTo(Integer.compare(i, j));
            }
        }
    }

    static Stream<String> invalid() {
        return Vectors.lines("version/pep440-invalid.txt").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsInvalidVersions(String version) {
        assertThatThrownBy(() -> pep440.parse(version)).isInstanceOf(InvalidVersionException.class);
    }

    static Stream<String> normalized() {
        return Vectors.lines("version/pep440-normalized.txt").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("normalized")
    void normalizesLikePackaging(String line) {
        String[] f = line.split("\t");
        assertThat(pep440.parse(f[0]).normalized()).isEqualTo(f[1]);
        assertThat(pep440.compare(f[0], f[1])).isZero();
    }

    @Test
    void stripsUnicodeWhitespaceLikePython() {
        assertThat(pep440.parse("   v1.0\t\n").normalized()).isEqualTo("1.0");
        assertThat(pep440.parse("\u202f1.0\t\u2029\n ").normalized()).isEqualTo("1.0");
    }

    @Test
    void treatsRcAndCAsTheSamePreRelease() {
        assertThat(pep440.compare("1.0rc1", "1.0c1")).isZero();
    }
}
