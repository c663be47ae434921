package dev.kubeward.engine.vuln.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.engine.vuln.Ecosystem;
import dev.kubeward.engine.vuln.PackageRef;
import org.junit.jupiter.api.Test;

class SbomParserTest {

    private final SbomParser parser = new SbomParser();

    @Test
    void readsACycloneDxImageSbomWithTrivySourcePackages() throws Exception {
        Sbom sbom = parser.parse(getClass().getResourceAsStream("/vuln/sbom/trivy-cyclonedx-1.5.json"));

        assertThat(sbom.format()).isEqualTo("CycloneDX 1.5");
        assertThat(sbom.imageDigest())
                .isEqualTo("sha256:0d4e4b4c1e5a1f4c5f0b1b0b1a0d6c1a2b3c4d5e6f708192a3b4c5d6e7f80912");
        assertThat(sbom.components()).hasSize(4);
        assertThat(sbom.packages()).containsExactlyInAnyOrder(
                new PackageRef(Ecosystem.DEBIAN, "openssl", "3.0.11-1~deb12u1", "debian-12.2"),
                PackageRef.of(Ecosystem.MAVEN, "org.apache.logging.log4j:log4j-core", "2.14.1"),
                PackageRef.of(Ecosystem.NPM, "lodash", "4.17.15"));
    }

    @Test
    void readsAnSpdxImageSbom() throws Exception {
        Sbom sbom = parser.parse(getClass().getResourceAsStream("/vuln/sbom/syft-spdx-2.3.json"));

        assertThat(sbom.format()).isEqualTo("SPDX-2.3");
        assertThat(sbom.imageDigest())
                .isEqualTo("sha256:aa11bb22cc33dd44ee55ff66aa77bb88cc99dd00ee11ff22aa33bb44cc55dd66");
        assertThat(sbom.packages()).containsExactlyInAnyOrder(
                new PackageRef(Ecosystem.ALPINE, "openssl", "3.1.4-r0", "3.18.4"),
                PackageRef.of(Ecosystem.PYPI, "django", "3.0.11"),
                PackageRef.of(Ecosystem.GO, "golang.org/x/net", "v0.6.0"));
    }
}
