package dev.kubeward.engine.vuln.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeward.engine.vuln.Vectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DpkgVersionSchemeTest {

    private final DpkgVersionScheme dpkg = new DpkgVersionScheme();

    static Stream<String> aptVectors() {
        return Vectors.lines("version/dpkg-apt-versions.lst").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("aptVectors")
    void ordersLikeAptAndDpkg(String line) {
        String[] f = line.split("\\s+");
        int expected = Integer.parseInt(f[2]);
        assertThat(dpkg.compare(f[0], f[1])).as("%s vs %s", f[0], f[1]).isEqualTo(expected);
        assertThat(dpkg.compare(f[1], f[0])).as("%s vs %s", f[1], f[0]).isEqualTo(-expected);
    }

    static Stream<String> parseVectors() {
        return Vectors.lines("version/dpkg-parse.txt").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parseVectors")
    void parsesLikeDpkg(String line) {
        if (line.startsWith("invalid|")) {
            String input = line.substring("invalid|".length());
            assertThatThrownBy(() -> dpkg.parse(input)).isInstanceOf(InvalidVersionException.class);
            return;
        }
        String[] f = line.split("\\|", -1);
        String parts = f[2] + ":" + f[3] + (f[4].isEmpty() ? "" : "-" + f[4]);
        assertThat(dpkg.parse(f[1]).compareTo(dpkg.parse(parts))).isZero();
    }
}
