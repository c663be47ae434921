package dev.kubeward.agent.image.analyse;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Alpine (and Wolfi) packages from {@code lib/apk/db/installed}: {@code P:} name, {@code V:} version,
 * {@code A:} architecture, {@code o:} origin. Alpine's security database is per origin package, so an origin
 * other than the package itself goes into the {@code upstream} qualifier.
 */
public final class ApkInstalled {

    private ApkInstalled() {
    }

    public static List<Package> parse(InputStream in, OsRelease os, String location) throws IOException {
        List<Package> out = new ArrayList<>();
        ControlParagraphs.read(in, p -> {
            String name = p.get("P");
            String version = p.get("V");
            if (name == null || version == null) return;
            String origin = p.get("o");
            Map<String, String> qualifiers = new TreeMap<>();
            qualifiers.put("arch", p.get("A"));
            qualifiers.put("distro", os.distro());
            qualifiers.put("upstream", origin == null || origin.equals(name) ? null : origin);
            out.add(new Package(name, version, new Purl("apk", os.namespace("apk"), name, version, qualifiers), location));
        });
        return out;
    }
}
