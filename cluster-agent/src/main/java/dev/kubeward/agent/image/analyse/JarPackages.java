package dev.kubeward.agent.image.analyse;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Maven artifacts in a jar (war, ear) from its {@code META-INF/maven/<group>/<artifact>/pom.properties}, and in
 * the jars nested one level deep (Spring Boot's {@code BOOT-INF/lib/}, a war's {@code WEB-INF/lib/}). Shaded
 * jars keep their dependencies' pom.properties, so they count too. A jar without pom.properties names no
 * artifact and gives nothing: guessing from file names matches the wrong advisories.
 *
 * <p>The jar is read as a stream, straight out of the layer: nothing of it is buffered but one pom.properties.
 */
public final class JarPackages {

    private static final int MAX_POM_PROPERTIES_BYTES = 64 * 1024;

    private JarPackages() {
    }

    /** Reads {@code jar} to its end without closing it. */
    public static List<Package> scan(InputStream jar, String location) throws IOException {
        List<Package> out = new ArrayList<>();
        scan(jar, location, true, out);
        return out;
    }

    private static void scan(InputStream in, String location, boolean descend, List<Package> out) throws IOException {
        // Spring Boot stores nested jars uncompressed; "allow stored entries with data descriptor" reads other tools' jars too
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new Unclosable(in), "UTF-8", true, true)) {
            for (ZipArchiveEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties")) {
                    pomProperties(zip.readNBytes(MAX_POM_PROPERTIES_BYTES), location).ifPresent(out::add);
                } else if (descend && name.toLowerCase(Locale.ROOT).endsWith(".jar")) {
                    scan(zip, location + "!" + name, false, out);
                }
            }
        }
    }

    private static Optional<Package> pomProperties(byte[] bytes, String location) throws IOException {
        Properties p = new Properties();
        p.load(new ByteArrayInputStream(bytes));
        String group = p.getProperty("groupId");
        String artifact = p.getProperty("artifactId");
        String version = p.getProperty("version");
        if (blank(group) || blank(artifact) || blank(version) || version.contains("${")) return Optional.empty();
        return Optional.of(new Package(artifact.strip(), version.strip(), Purl.of("maven", group.strip(), artifact.strip(), version.strip()),
                location));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Lets a nested reader be closed (freeing its inflater) without closing the stream it reads from. */
    private static final class Unclosable extends FilterInputStream {
        Unclosable(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the enclosing jar or layer goes on
        }
    }
}
