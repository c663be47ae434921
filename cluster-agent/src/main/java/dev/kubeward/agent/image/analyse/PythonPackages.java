package dev.kubeward.agent.image.analyse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Installed Python distributions from {@code <name>.dist-info/METADATA} (the core metadata pip writes): the
 * {@code Name} and {@code Version} headers. Only the header block is read, not the long description after it.
 * The purl name is lower-cased with {@code _} as {@code -}, as the purl type for PyPI asks.
 */
public final class PythonPackages {

    private PythonPackages() {
    }

    /** Reads {@code in} without closing it. */
    public static List<Package> fromMetadata(InputStream in, String location) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String name = null;
        String version = null;
        for (String line; (line = reader.readLine()) != null && !line.isEmpty(); ) {
            if (name == null && line.startsWith("Name:")) name = line.substring(5).strip();
            else if (version == null && line.startsWith("Version:")) version = line.substring(8).strip();
        }
        if (name == null || name.isEmpty() || version == null || version.isEmpty()) return List.of();
        String purlName = name.toLowerCase(Locale.ROOT).replace('_', '-');
        return List.of(new Package(name, version, Purl.of("pypi", null, purlName, version), location));
    }
}
