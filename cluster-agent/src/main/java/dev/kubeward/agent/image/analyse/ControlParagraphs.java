package dev.kubeward.agent.image.analyse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the paragraph-per-package databases of dpkg ({@code Field: value}, continuation lines indented) and
 * apk ({@code K:value}): blank lines separate packages. Only the first line of a field is kept; the fields
 * packages are recognised by are all one line.
 */
final class ControlParagraphs {

    private ControlParagraphs() {
    }

    /** Hands each paragraph to {@code sink} as field → value, values stripped. */
    static void read(InputStream in, Consumer<Map<String, String>> sink) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<String, String> paragraph = new HashMap<>();
        for (String line; (line = reader.readLine()) != null; ) {
            if (line.isBlank()) {
                if (!paragraph.isEmpty()) sink.accept(paragraph);
                paragraph = new HashMap<>();
                continue;
            }
            if (Character.isWhitespace(line.charAt(0))) continue; // continuation of a multi-line field
            int colon = line.indexOf(':');
            if (colon <= 0) continue;
            paragraph.putIfAbsent(line.substring(0, colon), line.substring(colon + 1).strip());
        }
        if (!paragraph.isEmpty()) sink.accept(paragraph);
    }
}
