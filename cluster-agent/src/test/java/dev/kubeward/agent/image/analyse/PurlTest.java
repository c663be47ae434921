package dev.kubeward.agent.image.analyse;

import dev.kubeward.engine.vuln.sbom.PackageUrl;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the agent writes, the platform's purl parser reads back unchanged. */
class PurlTest {

    @Test
    void roundTripsThroughThePlatformsParser() {
        for (Purl p : new Purl[] {
                new Purl("deb", "debian", "libc6", "2.36-9+deb12u9+b1", Map.of("arch", "amd64", "distro", "debian-12", "upstream", "glibc@2.36-9+deb12u9")),
                new Purl("rpm", "redhat", "kw-hello", "1.2.3-4.el9", Map.of("epoch", "2", "arch", "x86_64")),
                Purl.of("npm", "@babel", "runtime", "7.24.0"),
                Purl.of("maven", "org.apache.commons", "commons-compress", "1.28.0"),
                Purl.of("pypi", null, "typing-extensions", "4.9.0"),
                new Purl("oci", null, "nginx", "sha256:" + "a".repeat(64), Map.of("repository_url", "docker.io/library/nginx")),
                Purl.of("npm", null, "weird name/with?chars#and%", "1.0.0 beta")}) {
            PackageUrl parsed = PackageUrl.parse(p.toString());

            assertThat(new Purl(parsed.type(), parsed.namespace(), parsed.name(), parsed.version(), parsed.qualifiers())).isEqualTo(p);
        }
    }

    @Test
    void writesTheCanonicalForm() {
        assertThat(new Purl("apk", "alpine", "musl", "1.2.4_git20230717-r4", Map.of("distro", "alpine-3.19.1", "arch", "x86_64", "upstream", "")))
                .hasToString("pkg:apk/alpine/musl@1.2.4_git20230717-r4?arch=x86_64&distro=alpine-3.19.1");
    }
}
