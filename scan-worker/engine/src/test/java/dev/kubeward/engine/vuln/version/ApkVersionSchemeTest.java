package dev.kubeward.engine.vuln.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.engine.vuln.Vectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ApkVersionSchemeTest {

    private final ApkVersionScheme apk = new ApkVersionScheme();

    static Stream<String> vectors() {
        return Vectors.lines("version/apk-version.data").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void ordersLikeApkTools(String line) {
        String[] f = line.replaceFirst("#.*", "").strip().split("\\s+");
        int expected = switch (f[1]) {
            case "<" -> -1;
            case ">" -> 1;
            default -> 0;
        };
        assertThat(apk.compare(f[0], f[2])).as("%s %s %s", f[0], f[1], f[2]).isEqualTo(expected);
        assertThat(apk.compare(f[2], f[0])).as("reversed").isEqualTo(-expected);
    }
}
