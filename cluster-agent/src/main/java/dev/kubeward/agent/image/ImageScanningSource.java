package dev.kubeward.agent.image;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeward.agent.collect.ObjectSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/**
 * A snapshot source that offers the images of every pod passing through to the {@link ImageScanner}: the
 * snapshot reads the pods anyway, so finding the images costs no API request, and offering never blocks.
 */
public final class ImageScanningSource implements ObjectSource {

    private static final Logger log = LoggerFactory.getLogger(ImageScanningSource.class);

    private final ObjectSource source;
    private final ImageScanner scanner;

    public ImageScanningSource(ObjectSource source, ImageScanner scanner) {
        this.source = source;
        this.scanner = scanner;
    }

    @Override
    public int collect(Consumer<ObjectNode> sink) {
        return source.collect(object -> {
            if ("Pod".equals(object.path("kind").asText())) {
                try {
                    PodImages.of(object).forEach(scanner::offer);
                } catch (RuntimeException e) {
                    // image analysis is a side line: it never costs a snapshot
                    log.debug("images of pod {} not offered: {}", object.path("metadata").path("name").asText(), e.toString());
                }
            }
            sink.accept(object);
        });
    }
}
