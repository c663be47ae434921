package dev.kubeward.engine.vuln.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.engine.vuln.Vectors;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GoVersionSchemeTest {

    private final GoVersionScheme go = new GoVersionScheme();

    @Test
    void ordersTheGoSemverTableLikeXModSemver() {
        List<String[]> table = Vectors.lines("version/go-semver.txt").stream().map(l -> l.split("\t")).toList();
        for (int i = 0; i < table.size(); i++) {
            for (int j = 0; j < table.size(); j++) {
                String[] a = table.get(i);
                String[] b = table.get(j);
                int want = a[1].equals(b[1]) ? 0 : Integer.compare(i, j);
                assertThat(go.compare(a[0], b[0])).as("%s vs %s", a[0], b[0]).isEqualTo(want);
            }
        }
    }

    static Stream<String> extras() {
        return Vectors.lines("version/go-extra.txt").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("extras")
    void comparesModuleVersions(String line) {
        String[] f = line.split(" ");
        assertThat(go.compare(f[0], f[1])).isEqualTo(Integer.parseInt(f[2]));
    }
}
