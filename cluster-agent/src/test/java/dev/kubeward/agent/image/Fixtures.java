package dev.kubeward.agent.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Package databases and manifests as the real tools write them (trimmed to a few packages). */
public final class Fixtures {

    private Fixtures() {
    }

    public static final String DEBIAN_OS_RELEASE = """
            PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
            NAME="Debian GNU/Linux"
            VERSION_ID="12"
            VERSION="12 (bookworm)"
            VERSION_CODENAME=bookworm
            ID=debian
            HOME_URL="https://www.debian.org/"
            """;

    public static final String ALPINE_OS_RELEASE = """
            NAME="Alpine Linux"
            ID=alpine
            VERSION_ID=3.19.1
            PRETTY_NAME="Alpine Linux v3.19"
            HOME_URL="https://alpinelinux.org/"
            """;

    public static final String UBI_OS_RELEASE = """
            NAME="Red Hat Enterprise Linux"
            VERSION="9.4 (Plow)"
            ID="rhel"
            ID_LIKE="fedora"
            VERSION_ID="9.4"
            PLATFORM_ID="platform:el9"
            PRETTY_NAME="Red Hat Enterprise Linux 9.4 (Plow)"
            """;

    /** Three installed packages (one built from another source package) and one removed with its config files left. */
    public static final String DPKG_STATUS = """
            Package: base-files
            Essential: yes
            Status: install ok installed
            Priority: required
            Section: admin
            Installed-Size: 341
            Maintainer: Santiago Vila <sanvila@debian.org>
            Architecture: amd64
            Version: 12.4+deb12u6
            Replaces: base, dpkg (<= 1.15.0), miscutils
            Description: Debian base system miscellaneous files
             This package contains the basic filesystem hierarchy of a Debian system, and
             several important miscellaneous files.

            Package: libssl3
            Status: install ok installed
            Priority: optional
            Section: libs
            Installed-Size: 6180
            Maintainer: Debian OpenSSL Team <pkg-openssl-devel@alioth-lists.debian.net>
            Architecture: amd64
            Multi-Arch: same
            Source: openssl
            Version: 3.0.15-1~deb12u1
            Depends: libc6 (>= 2.34)
            Description: Secure Sockets Layer toolkit - shared libraries

            Package: libc6
            Status: install ok installed
            Priority: optional
            Section: libs
            Architecture: amd64
            Source: glibc (2.36-9+deb12u9)
            Version: 2.36-9+deb12u9+b1
            Description: GNU C Library: Shared libraries

            Package: nano
            Status: deinstall ok config-files
            Priority: optional
            Section: editors
            Architecture: amd64
            Version: 7.2-1+deb12u1
            Conffiles:
             /etc/nanorc 5b0f7b4e7e4e0bb1b0e3b4b47b8b8e2a
            Description: small, friendly text editor inspired by Pico
            """;

    /** A distroless-style per-package status file (no Status field). */
    public static final String DPKG_STATUS_D_TZDATA = """
            Package: tzdata
            Version: 2024a-0+deb12u1
            Architecture: all
            Maintainer: GNU Libc Maintainers <debian-glibc@lists.debian.org>
            Installed-Size: 1510
            Section: localization
            Priority: required
            Description: time zone and daylight-saving time data
            """;

    public static final String APK_INSTALLED = """
            C:Q1xvBzbEnTsFdRzAbE6BVyr9X1Ayc=
            P:musl
            V:1.2.4_git20230717-r4
            A:x86_64
            S:407477
            I:667648
            T:the musl c library (libc) implementation
            U:https://musl.libc.org/
            L:MIT
            o:musl
            m:Timo Teräs <timo.teras@iki.fi>
            t:1705415522
            c:2bf8d2bb7e1cef0e9e2c5a3d1b53be7c4d0c4a8e
            F:lib
            R:ld-musl-x86_64.so.1
            a:0:0:755

            C:Q1Dsqe0Z38LL29OX1SdT4vWe4TMdk=
            P:libcrypto3
            V:3.1.4-r5
            A:x86_64
            S:1709212
            I:4407296
            T:Crypto library from openssl
            U:https://www.openssl.org/
            L:Apache-2.0
            o:openssl
            m:Ariadne Conill <ariadne@dereferenced.org>
            t:1707244958
            D:so:libc.musl-x86_64.so.1

            C:Q1MI4r2yq4xaeC5ZQbtFRBcuCjzYM=
            P:busybox
            V:1.36.1-r15
            A:x86_64
            o:busybox
            """;

    public static final String PYTHON_REQUESTS_METADATA = """
            Metadata-Version: 2.1
            Name: requests
            Version: 2.31.0
            Summary: Python HTTP for Humans.
            Requires-Dist: charset-normalizer (<4,>=2)

            Requests is an elegant and simple HTTP library for Python, built for human beings.
            Name: not-a-header
            """;

    public static final String PYTHON_TYPING_EXTENSIONS_METADATA = """
            Metadata-Version: 2.1
            Name: typing_extensions
            Version: 4.9.0
            Summary: Backported and Experimental Type Hints for Python 3.8+
            """;

    /** Lockfile v3: a plain dependency, a nested one, a scoped one, an alias, a dev dependency and a workspace link. */
    public static final String PACKAGE_LOCK = """
            {
              "name": "shop-frontend",
              "version": "1.4.0",
              "lockfileVersion": 3,
              "requires": true,
              "packages": {
                "": {"name": "shop-frontend", "version": "1.4.0", "dependencies": {"express": "^4.19.2"}},
                "node_modules/express": {"version": "4.19.2", "resolved": "https://registry.npmjs.org/express/-/express-4.19.2.tgz",
                                         "integrity": "sha512-abc", "dependencies": {"debug": "2.6.9"}},
                "node_modules/express/node_modules/debug": {"version": "2.6.9", "resolved": "https://registry.npmjs.org/debug/-/debug-2.6.9.tgz"},
                "node_modules/@babel/runtime": {"version": "7.24.0"},
                "node_modules/lodash-es": {"name": "lodash", "version": "4.17.21"},
                "node_modules/jest": {"version": "29.7.0", "dev": true},
                "node_modules/shared-ui": {"resolved": "packages/shared-ui", "link": true},
                "packages/shared-ui": {"name": "shared-ui", "version": "0.0.1"}
              }
            }
            """;

    public static String packageJson(String name, String version) {
        return "{\"name\":\"" + name + "\",\"version\":\"" + version + "\",\"main\":\"index.js\",\"license\":\"MIT\"}";
    }

    /** A Spring Boot style fat jar: its own pom.properties, a nested library with one (stored, as Boot stores them), a nested jar without. */
    public static byte[] fatJar() {
        byte[] dependency = jar("com.fasterxml.jackson.core", "jackson-databind", "2.17.1", "com/fasterxml/jackson/databind/ObjectMapper.class");
        byte[] withoutPom = jar(null, null, null, "org/example/Util.class");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMain-Class: org.springframework.boot.loader.launch.JarLauncher\n".getBytes(StandardCharsets.UTF_8));
            put(zip, "META-INF/maven/dev.kubeward.test/shop-api/pom.properties", pomProperties("dev.kubeward.test", "shop-api", "3.2.0"));
            stored(zip, "BOOT-INF/lib/jackson-databind-2.17.1.jar", dependency);
            stored(zip, "BOOT-INF/lib/util-1.0.jar", withoutPom);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A plain jar with one class file, and pom.properties unless {@code group} is null. */
    public static byte[] jar(String group, String artifact, String version, String classFile) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, classFile, new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe});
            if (group != null) put(zip, "META-INF/maven/" + group + "/" + artifact + "/pom.properties", pomProperties(group, artifact, version));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] pomProperties(String group, String artifact, String version) {
        return ("#Created by Apache Maven 3.9.6\nversion=" + version + "\ngroupId=" + group + "\nartifactId=" + artifact + "\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** rpm's sqlite database with kw-hello 2:1.2.3-4.el9.x86_64 and kw-tools 0.9-1.el9.noarch (see rpm/HOW-MADE.md). */
    public static byte[] rpmdb() {
        try (InputStream in = Fixtures.class.getResourceAsStream("rpm/rpmdb.sqlite")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static void stored(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(content);
        zip.closeEntry();
    }
}
