package dev.kubeward.engine.vuln.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeward.engine.vuln.Vectors;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NpmVersionSchemeTest {

    private final NpmVersionScheme npm = new NpmVersionScheme();

    static Stream<String> comparisons() {
        return Vectors.lines("version/npm-comparisons.txt").stream();
    }

    static Stream<String> equalities() {
        return Vectors.lines("version/npm-equality.txt").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("comparisons")
    void ordersLikeNodeSemver(String line) {
        String[] f = line.split("\t");
        assertThat(npm.compare(f[0], f[1])).isEqualTo(1);
        assertThat(npm.compare(f[1], f[0])).isEqualTo(-1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("equalities")
    void ignoresPrefixesAndBuildMetadataLikeNodeSemver(String line) {
        String[] f = line.split("\t");
        assertThat(npm.compare(f[0], f[1])).isZero();
    }

    @Test
    void followsSemverOrgPrecedenceExample() {
        List<String> ordered = Vectors.lines("version/semver-org-precedence.txt");
        for (int i = 0; i < ordered.size(); i++) {
            for (int j = 0; j < ordered.size(); j++) {
                assertThat(npm.compare(ordered.get(i), ordered.get(j)))
                        .as("%s vs %s", ordered.get(i), ordered.get(j)).isEqualTo(Integer.compare(i, j));
            }
        }
    }

    @Test
    void rejectsWhatIsNotAVersion() {
        assertThatThrownBy(() -> npm.parse("1.2")).isInstanceOf(InvalidVersionException.class);
        assertThatThrownBy(() -> npm.parse("latest")).isInstanceOf(InvalidVersionException.class);
    }
}
