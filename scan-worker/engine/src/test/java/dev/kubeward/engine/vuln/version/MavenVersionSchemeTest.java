package dev.kubeward.engine.vuln.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.engine.vuln.Vectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MavenVersionSchemeTest {

    private final MavenVersionScheme maven = new MavenVersionScheme();

    static Stream<String> vectors() {
        return Vectors.lines("version/maven-comparable-version.txt").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void ordersLikeComparableVersion(String line) {
        String[] f = line.split(" ");
        switch (f[0]) {
            case "seq" -> {
                for (int i = 1; i < f.length; i++) {
                    for (int j = i + 1; j < f.length; j++) {
                        assertThat(maven.compare(f[i], f[j])).as("%s < %s", f[i], f[j]).isEqualTo(-1);
                        assertThat(maven.compare(f[j], f[i])).as("%s > %s", f[j], f[i]).isEqualTo(1);
                    }
                }
            }
            case "<" -> {
                assertThat(maven.compare(f[1], f[2])).as("%s < %s", f[1], f[2]).isEqualTo(-1);
                assertThat(maven.compare(f[2], f[1])).as("%s > %s", f[2], f[1]).isEqualTo(1);
            }
            case "=" -> {
                assertThat(maven.compare(f[1], f[2])).as("%s = %s", f[1], f[2]).isZero();
                assertThat(maven.compare(f[2], f[1])).as("%s = %s", f[2], f[1]).isZero();
            }
            default -> throw new IllegalArgumentException(line);
        }
    }
}
