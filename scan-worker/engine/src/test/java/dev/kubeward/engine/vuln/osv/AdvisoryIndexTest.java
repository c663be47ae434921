package dev.kubeward.engine.vuln.osv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.engine.vuln.Ecosystem;
import dev.kubeward.engine.vuln.PackageRef;
import dev.kubeward.engine.vuln.Vectors;
import dev.kubeward.engine.vuln.feed.AdvisoryCatalog;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AdvisoryIndexTest {

    private static AdvisoryIndex index;

    @BeforeAll
    static void importFixtureBundle() throws Exception {
        AdvisoryCatalog catalog = new AdvisoryCatalog();
        catalog.importBundle(Path.of(AdvisoryIndexTest.class.getResource("/vuln/osv/bundle").toURI()));
        index = catalog.index();
    }

    static Stream<String> cases() {
        return Vectors.lines("osv/matches.txt").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesWithEachEcosystemsOrdering(String line) {
        String[] f = line.split("\\|", -1);
        PackageRef pkg = new PackageRef(Ecosystem.valueOf(f[0]), f[1], f[2], f[3]);
        List<String> expected = f[4].isEmpty() ? List.of() : Arrays.asList(f[4].split(","));
        List<String> actual = index.match(pkg).stream()
                .map(m -> m.advisory().id() + "@" + (m.fixedVersion() == null ? "-" : m.fixedVersion()))
                .toList();
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void skipsGitRangesAndUnknownEcosystemsWithoutFailing() {
        assertThat(index.advisoryCount()).isEqualTo(10);
        assertThat(index.skippedRanges()).isZero();
    }

    @Test
    void readsCveSeverityAndAliases() {
        Match m = index.match(PackageRef.of(Ecosystem.MAVEN, "org.apache.logging.log4j:log4j-core", "2.14.1")).get(0);
        assertThat(m.advisory().cve()).contains("CVE-2021-44228");
        assertThat(m.advisory().cvssV3()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H");
        assertThat(m.advisory().severityLabel()).isEqualTo("CRITICAL");
    }
}
