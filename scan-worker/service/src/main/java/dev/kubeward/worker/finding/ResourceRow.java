package dev.kubeward.worker.finding;

import dev.kubeward.engine.model.KubeObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The latest body of an object for the {@code resources} table, with a SHA-256 of the body so an unchanged
 * object is recognised without comparing JSON. Secrets arrive without values ({@code SnapshotAssembler}).
 */
public record ResourceRow(String apiVersion, String kind, String namespace, String name, String body, byte[] hash) {

    public String key() {
        return kind + '\u0000' + namespace + '\u0000' + name;
    }

    /** One row per (kind, namespace, name), first occurrence wins; objects without a name are left out. */
    public static List<ResourceRow> of(List<KubeObject> objects) {
        List<ResourceRow> rows = new ArrayList<>(objects.size());
        Set<String> seen = new HashSet<>();
        for (KubeObject o : objects) {
            if (o.name() == null || o.name().isEmpty()) continue;
            String body = o.json().toString();
            ResourceRow row = new ResourceRow(o.ref().apiVersion() == null ? "" : o.ref().apiVersion(), o.kind(),
                    o.namespace() == null ? "" : o.namespace(), o.name(), body, sha256(body));
            if (seen.add(row.key())) rows.add(row);
        }
        return rows;
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
