package dev.kubeward.engine.vuln;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads test-vector files from {@code src/test/resources/vuln/}: one case a line, {@code #} comments skipped. */
public final class Vectors {

    private Vectors() {
    }

    public static List<String> lines(String resource) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vuln/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource vuln/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(String resource) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vuln/" + resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
