package dev.kubeward.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Encodes a chunk as gzip-compressed JSON and decodes it with hard limits: compressed size, decompressed
 * size (compression bombs), and a known schema version. Undecodable input raises {@link ChunkRejectedException}.
 */
public final class ChunkCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // fields are only ever added
            .build();

    private ChunkCodec() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] encode(SnapshotChunk chunk) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            MAPPER.writeValue(gz, chunk);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static SnapshotChunk decode(byte[] value) {
        if (value == null || value.length == 0) throw new ChunkRejectedException("undecodable", "empty chunk");
        if (value.length > WireLimits.MAX_CHUNK_BYTES) {
            throw new ChunkRejectedException("oversized", "chunk of " + value.length + " bytes exceeds " + WireLimits.MAX_CHUNK_BYTES);
        }
        byte[] json;
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(value))) {
            json = readBounded(in);
        } catch (IOException e) {
            throw new ChunkRejectedException("undecodable", "not a gzip stream: " + e.getMessage(), e);
        }
        int version;
        SnapshotChunk chunk;
        try {
            var tree = MAPPER.readTree(json);
            version = tree.path("schemaVersion").asInt(-1);
            if (version != SnapshotChunk.SCHEMA_VERSION) {
                throw new ChunkRejectedException("unknown-schema", "unsupported schema version " + tree.path("schemaVersion"));
            }
            chunk = MAPPER.treeToValue(tree, SnapshotChunk.class);
        } catch (ChunkRejectedException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw new ChunkRejectedException("undecodable", "invalid chunk JSON: " + e.getMessage(), e);
        }
        if (chunk.clusterId() == null || chunk.snapshotId() == null || chunk.index() < 0) {
            throw new ChunkRejectedException("undecodable", "chunk lacks clusterId, snapshotId or index");
        }
        return chunk;
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        int n;
        long total = 0;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > WireLimits.MAX_DECOMPRESSED_BYTES) {
                throw new ChunkRejectedException("oversized", "chunk decompresses beyond " + WireLimits.MAX_DECOMPRESSED_BYTES + " bytes");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
