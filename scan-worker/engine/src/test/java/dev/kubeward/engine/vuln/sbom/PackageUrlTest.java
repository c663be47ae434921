package dev.kubeward.engine.vuln.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeward.engine.vuln.Ecosystem;
import dev.kubeward.engine.vuln.PackageRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PackageUrlTest {

    @Test
    void parsesEveryComponent() {
        PackageUrl p = PackageUrl.parse("pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12#sub/path");
        assertThat(p.type()).isEqualTo("deb");
        assertThat(p.namespace()).isEqualTo("debian");
        assertThat(p.name()).isEqualTo("openssl");
        assertThat(p.version()).isEqualTo("3.0.11-1~deb12u2");
        assertThat(p.qualifiers()).containsEntry("arch", "amd64").containsEntry("distro", "debian-12");
        assertThat(p.subpath()).isEqualTo("sub/path");
    }

    @Test
    void decodesPercentEscapesButNotPlus() {
        PackageUrl npm = PackageUrl.parse("pkg:npm/%40babel/core@7.0.0+build");
        assertThat(npm.namespace()).isEqualTo("@babel");
        assertThat(npm.version()).isEqualTo("7.0.0+build");
    }

    @Test
    void rejectsWhatIsNotAPurl() {
        assertThatThrownBy(() -> PackageUrl.parse("deb/debian/openssl@1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PackageUrl.parse("pkg:deb")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&upstream=openssl&distro=debian-12|DEBIAN|openssl|3.0.11-1~deb12u2|12",
        "pkg:deb/debian/libgcc-s1@12.2.0-14?upstream=gcc-12%4012.2.0-14&distro=debian-12.4|DEBIAN|gcc-12|12.2.0-14|12",
        "pkg:deb/ubuntu/libc6@2.35-0ubuntu3.1?distro=ubuntu-22.04|UBUNTU|libc6|2.35-0ubuntu3.1|22.04",
        "pkg:apk/alpine/libcrypto3@3.1.4-r0?arch=x86_64&upstream=openssl&distro=3.18.4|ALPINE|openssl|3.1.4-r0|3.18",
        "pkg:rpm/redhat/glibc@2.34-60.el9?arch=x86_64&epoch=1&distro=rhel-9.2|RED_HAT|glibc|1:2.34-60.el9|9",
        "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar|MAVEN|org.apache.logging.log4j:log4j-core|2.14.1|",
        "pkg:npm/%40babel/traverse@7.23.0|NPM|@babel/traverse|7.23.0|",
        "pkg:pypi/Zope_Interface@5.0|PYPI|zope-interface|5.0|",
        "pkg:golang/github.com/docker/docker@v20.10.23%2Bincompatible|GO|github.com/docker/docker|v20.10.23+incompatible|",
    })
    void mapsToTheMatchingPackage(String purl, Ecosystem ecosystem, String name, String version, String release) {
        PackageRef ref = PurlPackages.toPackage(PackageUrl.parse(purl)).orElseThrow();
        assertThat(ref).isEqualTo(new PackageRef(ecosystem, name, version, release == null ? "" : release));
        assertThat(ref.release()).isEqualTo(release == null ? "" : release);
    }

    @Test
    void leavesUnsupportedTypesUnmatched() {
        assertThat(PurlPackages.toPackage(PackageUrl.parse("pkg:cargo/serde@1.0.0"))).isEmpty();
        assertThat(PurlPackages.toPackage(PackageUrl.parse("pkg:deb/debian/openssl"))).isEmpty();
    }
}
