package dev.kubeward.agent.image.layer;

/**
 * How much one image analysis may read, unpack and store: the agent runs next to the workloads it watches, so
 * neither a huge layer nor a compression bomb may take its memory or its node's disk.
 *
 * @param maxLayerBytes         a layer blob as downloaded (compressed); larger layers fail the image before download
 * @param maxUnpackedLayerBytes a layer unpacked (the tar stream): guards against gzip bombs
 * @param maxParsedFileBytes    one file parsed while streaming (a jar, a lockfile, a package.json, a METADATA)
 * @param maxDiskBytes          files extracted to disk for one image at a time (package databases, os-release)
 */
public record ScanLimits(long maxLayerBytes, long maxUnpackedLayerBytes, long maxParsedFileBytes, long maxDiskBytes) {

    private static final long MIB = 1024L * 1024;

    public static final ScanLimits DEFAULT = new ScanLimits(2048 * MIB, 8192 * MIB, 512 * MIB, 512 * MIB);

    public ScanLimits {
        if (maxLayerBytes <= 0 || maxUnpackedLayerBytes <= 0 || maxParsedFileBytes <= 0 || maxDiskBytes <= 0) {
            throw new IllegalArgumentException("scan limits must be positive");
        }
    }

    public ScanLimits withMaxLayerBytes(long bytes) {
        return new ScanLimits(bytes, maxUnpackedLayerBytes, maxParsedFileBytes, maxDiskBytes);
    }

    public ScanLimits withMaxDiskBytes(long bytes) {
        return new ScanLimits(maxLayerBytes, maxUnpackedLayerBytes, maxParsedFileBytes, bytes);
    }

    static String mib(long bytes) {
        return bytes % MIB == 0 ? bytes / MIB + " MiB" : bytes + " bytes";
    }
}
