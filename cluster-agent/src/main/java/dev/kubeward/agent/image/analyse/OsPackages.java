package dev.kubeward.agent.image.analyse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The distribution and its packages, read from the extracted files of an image once every layer is applied.
 *
 * @param os what {@code os-release} says; {@link OsRelease#UNKNOWN} without one
 */
public record OsPackages(OsRelease os, List<Package> packages) {

    /**
     * @param extracted image path → the local copy of that file, for the {@link PackageFile} kinds that are extracted
     * @throws IOException when a package database is present but cannot be read
     */
    public static OsPackages read(SortedMap<String, Path> extracted) throws IOException {
        OsRelease os = osRelease(extracted);
        List<Package> packages = new ArrayList<>();
        for (Map.Entry<String, Path> file : extracted.entrySet()) {
            String location = file.getKey();
            PackageFile kind = PackageFile.of(location).orElseThrow(() -> new IllegalArgumentException(location + " is no package file"));
            switch (kind) {
                case DPKG_STATUS, DPKG_STATUS_D -> {
                    try (InputStream in = Files.newInputStream(file.getValue())) {
                        packages.addAll(DpkgStatus.parse(in, os, location));
                    }
                }
                case APK_INSTALLED -> {
                    try (InputStream in = Files.newInputStream(file.getValue())) {
                        packages.addAll(ApkInstalled.parse(in, os, location));
                    }
                }
                case RPM_SQLITE -> {
                    try {
                        packages.addAll(RpmDatabase.read(file.getValue(), os, location));
                    } catch (SQLException e) {
                        throw new IOException("the rpm database " + location + " cannot be read: " + e.getMessage(), e);
                    }
                }
                default -> { }
            }
        }
        return new OsPackages(os, List.copyOf(packages));
    }

    /** {@code etc/os-release} wins over {@code usr/lib/os-release}, which it usually links to. */
    private static OsRelease osRelease(SortedMap<String, Path> extracted) throws IOException {
        Path file = extracted.getOrDefault("etc/os-release", extracted.get("usr/lib/os-release"));
        if (file == null) return OsRelease.UNKNOWN;
        try (InputStream in = Files.newInputStream(file)) {
            return OsRelease.parse(in);
        }
    }
}
