package dev.kubeward.agent.image.layer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one layer does to the layers below it, collected while it streams and applied at its end, because a
 * layer's whiteouts hide only lower content, never the layer's own files, and a tar's order is arbitrary.
 */
final class LayerChanges {

    /**
     * A deletion of lower content at {@code path}: the entry itself ({@code self}), everything under it
     * ({@code children}), or both. {@code ""} is the root.
     */
    record Removal(String path, boolean self, boolean children) {
    }

    private final List<Removal> removals = new ArrayList<>();
    private final Map<String, ImageFilesystem.Entry> added = new LinkedHashMap<>();

    void remove(String path, boolean self, boolean children) {
        removals.add(new Removal(path, self, children));
    }

    /** Returns what this layer held at {@code path} before (a tar may hold a path twice; the later copy wins). */
    ImageFilesystem.Entry add(String path, ImageFilesystem.Entry entry) {
        return added.put(path, entry);
    }

    List<Removal> removals() {
        return removals;
    }

    Map<String, ImageFilesystem.Entry> added() {
        return added;
    }
}
