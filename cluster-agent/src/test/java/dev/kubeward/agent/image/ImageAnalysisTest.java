package dev.kubeward.agent.image;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.kubeward.agent.image.ScanHarness.Row;
import dev.kubeward.agent.image.registry.RegistryCredentials;
import dev.kubeward.engine.vuln.Ecosystem;
import dev.kubeward.engine.vuln.PackageRef;
import dev.kubeward.engine.vuln.sbom.Sbom;
import dev.kubeward.engine.vuln.sbom.SbomParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static dev.kubeward.agent.image.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Images built here, layer by layer, served by a registry on loopback, analysed by the agent's scanner and sent to a
 * platform on loopback: each SBOM must list exactly the packages the image holds, with purls the platform reads and matches.
 */
class ImageAnalysisTest {

    @TempDir Path workDir;
    private ScanHarness harness;

    @BeforeEach
    void start() throws Exception {
        harness = new ScanHarness(workDir);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void debianImageWithJavaAndNodeApplications() throws Exception {
        byte[] base = new TestLayer().dir("etc").file("etc/os-release", DEBIAN_OS_RELEASE)
                .file("var/lib/dpkg/status", DPKG_STATUS)
                .file("var/lib/dpkg/status.d/tzdata", DPKG_STATUS_D_TZDATA)
                .file("var/lib/dpkg/status.d/tzdata.md5sums", "0123456789abcdef  usr/share/zoneinfo/UTC\n")
                .file("usr/share/doc/base-files/README", "not a package database").gzip();
        byte[] app = new TestLayer().dir("app")
                .file("app/shop-api.jar", fatJar())
                .file("app/legacy.jar", jar("org.example", "legacy", "0.1", "org/example/Legacy.class"))
                .file("app/web/package-lock.json", PACKAGE_LOCK)
                .file("app/web/node_modules/express/package.json", packageJson("express", "4.19.2"))
                .file("app/web/node_modules/left-pad/package.json", packageJson("left-pad", "1.3.0"))
                .file("app/web/node_modules/@types/node/package.json", packageJson("@types/node", "20.11.30"))
                .file("app/web/node_modules/express/lib/router/package.json", packageJson("router-internal", "0.0.0")).gzip();
        byte[] cleanup = new TestLayer().whiteout("app/legacy.jar").gzip();
        TestImage image = TestImage.docker(base, app, cleanup);
        String reference = harness.registry.push("shop/api", "3.2.0", image);

        List<Row> rows = analyse(reference + "@" + image.digest(), image.digest());

        assertThat(rows).containsExactly(
                new Row("base-files", "12.4+deb12u6", "pkg:deb/debian/base-files@12.4%2Bdeb12u6?arch=amd64&distro=debian-12"),
                new Row("libc6", "2.36-9+deb12u9+b1",
                        "pkg:deb/debian/libc6@2.36-9%2Bdeb12u9%2Bb1?arch=amd64&distro=debian-12&upstream=glibc%402.36-9%2Bdeb12u9"),
                new Row("libssl3", "3.0.15-1~deb12u1", "pkg:deb/debian/libssl3@3.0.15-1~deb12u1?arch=amd64&distro=debian-12&upstream=openssl"),
                new Row("tzdata", "2024a-0+deb12u1", "pkg:deb/debian/tzdata@2024a-0%2Bdeb12u1?arch=all&distro=debian-12"),
                new Row("jackson-databind", "2.17.1", "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.17.1"),
                new Row("shop-api", "3.2.0", "pkg:maven/dev.kubeward.test/shop-api@3.2.0"),
                new Row("@babel/runtime", "7.24.0", "pkg:npm/%40babel/runtime@7.24.0"),
                new Row("@types/node", "20.11.30", "pkg:npm/%40types/node@20.11.30"),
                new Row("debug", "2.6.9", "pkg:npm/debug@2.6.9"),
                new Row("express", "4.19.2", "pkg:npm/express@4.19.2"),
                new Row("left-pad", "1.3.0", "pkg:npm/left-pad@1.3.0"),
                new Row("lodash", "4.17.21", "pkg:npm/lodash@4.17.21"));
        // what the platform matches on: Debian advisories are per source package and release
        assertThat(packages(harness.platform.received.get(0).document())).contains(
                new PackageRef(Ecosystem.DEBIAN, "openssl", "3.0.15-1~deb12u1", "12"),
                new PackageRef(Ecosystem.DEBIAN, "glibc", "2.36-9+deb12u9", "12"),
                PackageRef.of(Ecosystem.MAVEN, "com.fasterxml.jackson.core:jackson-databind", "2.17.1"),
                PackageRef.of(Ecosystem.NPM, "@babel/runtime", "7.24.0"));
    }

    @Test
    void alpineMultiPlatformImageIsAnalysedForLinuxAmd64() throws Exception {
        byte[] os = new TestLayer().symlink("etc/os-release", "../usr/lib/os-release").file("usr/lib/os-release", ALPINE_OS_RELEASE)
                .file("lib/apk/db/installed", APK_INSTALLED).gzip();
        byte[] python = new TestLayer()
                .file("usr/lib/python3.11/site-packages/requests-2.31.0.dist-info/METADATA", PYTHON_REQUESTS_METADATA)
                .file("usr/lib/python3.11/site-packages/requests-2.31.0.dist-info/RECORD", "requests/__init__.py,sha256=x,4000\n")
                .file("usr/lib/python3.11/site-packages/typing_extensions-4.9.0.dist-info/METADATA", PYTHON_TYPING_EXTENSIONS_METADATA).gzip();
        byte[] armOnly = new TestLayer().file("usr/lib/os-release", ALPINE_OS_RELEASE).file("lib/apk/db/installed", "P:arm-only\nV:1.0-r0\nA:aarch64\n").gzip();
        TestImage image = TestImage.index(TestImage.oci(armOnly), TestImage.oci(os, python));
        String reference = harness.registry.push("tools/py", "3.19", image);

        List<Row> rows = analyse(reference + "@" + image.digest(), image.digest());

        assertThat(rows).containsExactly(
                new Row("busybox", "1.36.1-r15", "pkg:apk/alpine/busybox@1.36.1-r15?arch=x86_64&distro=alpine-3.19.1"),
                new Row("libcrypto3", "3.1.4-r5", "pkg:apk/alpine/libcrypto3@3.1.4-r5?arch=x86_64&distro=alpine-3.19.1&upstream=openssl"),
                new Row("musl", "1.2.4_git20230717-r4", "pkg:apk/alpine/musl@1.2.4_git20230717-r4?arch=x86_64&distro=alpine-3.19.1"),
                new Row("requests", "2.31.0", "pkg:pypi/requests@2.31.0"),
                new Row("typing_extensions", "4.9.0", "pkg:pypi/typing-extensions@4.9.0"));
        assertThat(new String(harness.platform.received.get(0).document(), StandardCharsets.UTF_8))
                .contains("\"kubeward:image:platform\",\"value\":\"linux/amd64\"");
        assertThat(packages(harness.platform.received.get(0).document())).contains(
                new PackageRef(Ecosystem.ALPINE, "openssl", "3.1.4-r5", "3.19"), PackageRef.of(Ecosystem.PYPI, "typing-extensions", "4.9.0"));
    }

    @Test
    void redHatImageFromItsRpmDatabase() throws Exception {
        byte[] os = new TestLayer().file("etc/os-release", UBI_OS_RELEASE).file("usr/lib/sysimage/rpm/rpmdb.sqlite", rpmdb())
                .symlink("var/lib/rpm", "../../usr/lib/sysimage/rpm").gzip();
        TestImage image = TestImage.oci(os);
        String reference = harness.registry.push("ubi9/app", "9.4", image);

        List<Row> rows = analyse(reference + "@" + image.digest(), image.digest());

        assertThat(rows).containsExactly(
                new Row("kw-hello", "2:1.2.3-4.el9", "pkg:rpm/redhat/kw-hello@1.2.3-4.el9?arch=x86_64&distro=rhel-9.4&epoch=2"),
                new Row("kw-tools", "0.9-1.el9", "pkg:rpm/redhat/kw-tools@0.9-1.el9?arch=noarch&distro=rhel-9.4"));
        assertThat(packages(harness.platform.received.get(0).document())).containsExactly(
                new PackageRef(Ecosystem.RED_HAT, "kw-hello", "2:1.2.3-4.el9", "9"), new PackageRef(Ecosystem.RED_HAT, "kw-tools", "0.9-1.el9", "9"));
    }

    @Test
    void aTagIsResolvedToTheDigestTheSbomIsSentFor() throws Exception {
        TestImage image = TestImage.oci(new TestLayer().file("etc/os-release", ALPINE_OS_RELEASE).file("lib/apk/db/installed", APK_INSTALLED).gzip());
        String reference = harness.registry.push("tools/apk", "edge", image);

        assertThat(analyse(reference, image.digest())).hasSize(3);
    }

    @Test
    void privateRegistryWithBearerTokenGetsThePullSecretsLoginAndNobodyElseDoes() throws Exception {
        ListAppender<ILoggingEvent> logs = captureLogs();
        harness.registry.requireLogin("robot$shop", "s3cr3t-Pa55w0rd");
        harness.registry.redirectBlobsToStorage();
        TestImage image = TestImage.oci(new TestLayer().file("etc/os-release", DEBIAN_OS_RELEASE).file("var/lib/dpkg/status", DPKG_STATUS).gzip());
        String reference = harness.registry.push("private/app", "1", image) + "@" + image.digest();
        String auth = Base64.getEncoder().encodeToString("robot$shop:s3cr3t-Pa55w0rd".getBytes(StandardCharsets.UTF_8));
        byte[] dockerConfig = ("{\"auths\":{\"" + harness.registry.host() + "\":{\"auth\":\"" + auth + "\"}}}").getBytes(StandardCharsets.UTF_8);
        PullSecrets secrets = (namespace, names) -> namespace.equals("shop") && names.contains("regcred")
                ? RegistryCredentials.fromDockerConfig(dockerConfig) : RegistryCredentials.NONE;
        ImageScanner scanner = harness.scanner(secrets);

        scanner.offer(ScanHarness.job(reference, "other-team"));
        ScanHarness.awaitIdle(scanner);
        assertThat(harness.platform.received).isEmpty();
        assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("not analysed").contains("anonymous"));

        ImageScanner restarted = harness.scanner(secrets); // the failed digest is left alone for a while: a fresh scanner tries again
        restarted.offer(ScanHarness.job(reference, "shop", "regcred"));
        ScanHarness.awaitIdle(restarted);

        assertThat(harness.platform.received).hasSize(1);
        assertThat(harness.registry.tokenAuthorizations).contains("Basic " + auth);
        assertThat(harness.registry.storageAuthorizations).as("the blob store behind the redirect gets no credentials").isEmpty();
        assertThat(harness.registry.blobRequests.get()).isEqualTo(1);
        assertThat(logs.list).noneSatisfy(e -> assertThat(e.getFormattedMessage()).containsAnyOf("s3cr3t-Pa55w0rd", auth));
    }

    private List<Row> analyse(String reference, String digest) throws Exception {
        ImageScanner scanner = harness.scanner(PullSecrets.NONE);
        assertThat(scanner.offer(ScanHarness.job(reference, "default"))).isTrue();
        ScanHarness.awaitIdle(scanner);
        assertThat(harness.platform.received).hasSize(1);
        assertThat(harness.platform.received.get(0).digest()).isEqualTo(digest);
        return ScanHarness.components(harness.platform.received.get(0).document(), digest);
    }

    private static List<PackageRef> packages(byte[] document) throws Exception {
        Sbom sbom = new SbomParser().parse(new ByteArrayInputStream(document));
        return sbom.packages();
    }

    private static ListAppender<ILoggingEvent> captureLogs() {
        Logger logger = (Logger) LoggerFactory.getLogger("dev.kubeward");
        logger.setLevel(Level.DEBUG);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        return appender;
    }
}
