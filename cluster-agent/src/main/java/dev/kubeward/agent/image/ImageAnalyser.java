package dev.kubeward.agent.image;

import dev.kubeward.agent.image.analyse.OsPackages;
import dev.kubeward.agent.image.analyse.Package;
import dev.kubeward.agent.image.layer.ImageFilesystem;
import dev.kubeward.agent.image.layer.LayerReader;
import dev.kubeward.agent.image.layer.ScanLimits;
import dev.kubeward.agent.image.registry.Descriptor;
import dev.kubeward.agent.image.registry.ImageManifest;
import dev.kubeward.agent.image.registry.ImageReference;
import dev.kubeward.agent.image.registry.RegistryClient;
import dev.kubeward.agent.image.registry.RegistryCredentials;
import dev.kubeward.agent.image.sbom.CycloneDxWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Analyses one image: resolves it at its registry, streams its layers bottom up through the analysers and
 * writes the packages that survive every layer as a CycloneDX SBOM. Every size limit is checked against the
 * manifest before the first byte of a layer is downloaded.
 */
public final class ImageAnalyser {

    /** Bump when an analyser changes what it finds: agents then analyse every image again. */
    public static final String ANALYSERS_VERSION = "1";

    /** What one analysis gives: the digest pods report for the image, its SBOM, and how many distinct packages it lists. */
    public record Analysed(String digest, byte[] sbom, int packages) {
    }

    private final HttpClient http = RegistryClient.newHttpClient();
    private final Set<String> plainHttpRegistries;
    private final Path scratch;
    private final ScanLimits limits;
    private final LayerReader layers;
    private final CycloneDxWriter writer = new CycloneDxWriter();

    /** Deletes what an analysis cut short by a crash left in {@code scratch}, which holds one image's files at a time. */
    public ImageAnalyser(Path scratch, ScanLimits limits, Set<String> plainHttpRegistries) {
        this.scratch = scratch;
        this.limits = limits;
        this.layers = new LayerReader(limits);
        this.plainHttpRegistries = Set.copyOf(plainHttpRegistries);
        deleteLeftovers(scratch);
    }

    /**
     * @param alreadySent whether the digest the reference resolves to was analysed and sent before: then nothing is downloaded
     * @return empty when {@code alreadySent} said so
     */
    public Optional<Analysed> analyse(ImageReference image, RegistryCredentials credentials, Predicate<String> alreadySent) {
        RegistryClient registry = new RegistryClient(http, plainHttpRegistries, credentials);
        ImageManifest manifest = registry.resolve(image);
        if (alreadySent.test(manifest.digest())) return Optional.empty();
        manifest.layers().forEach(layers::check);
        try (ImageFilesystem fs = new ImageFilesystem(scratch, limits.maxDiskBytes())) {
            for (Descriptor layer : manifest.layers()) layers.apply(layer, registry.openBlob(image, layer), fs);
            OsPackages os;
            try {
                os = OsPackages.read(fs.extractedFiles());
            } catch (IOException e) {
                throw new ImageScanException(image + ": " + e.getMessage(), e);
            }
            List<Package> packages = new ArrayList<>(os.packages());
            packages.addAll(fs.parsedPackages());
            CycloneDxWriter.Subject subject = new CycloneDxWriter.Subject(image.name(), manifest.digest(), manifest.manifestDigest(),
                    manifest.platform(), os.os().prettyName());
            int distinct = (int) packages.stream().map(p -> p.purl().toString()).distinct().count();
            return Optional.of(new Analysed(manifest.digest(), writer.write(subject, packages), distinct));
        }
    }

    private static void deleteLeftovers(Path dir) {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean the scratch directory " + dir, e);
        }
    }
}
