package dev.kubeward.agent.image;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kubeward.agent.image.sbom.SbomSender;
import dev.kubeward.agent.publish.ClusterCredential;
import dev.kubeward.contract.ChunkSigner;
import dev.kubeward.contract.Headers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/** platform-api's SBOM ingest as the agent sees it, on loopback: checks cluster and signature, keeps what it got. */
public final class LocalPlatform implements AutoCloseable {

    /** One accepted SBOM: the digest header and the decompressed document. */
    public record Received(String digest, byte[] document) {
    }

    public final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ClusterCredential cluster;

    public LocalPlatform(ClusterCredential cluster) throws IOException {
        this.cluster = cluster;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext(SbomSender.PATH, this::ingest);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void ingest(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            boolean signed = cluster.clusterId().equals(ex.getRequestHeaders().getFirst(Headers.HTTP_CLUSTER_ID))
                    && ChunkSigner.verify(cluster.secretBytes(), body, ex.getRequestHeaders().getFirst(Headers.HTTP_SIGNATURE));
            if (!"POST".equals(ex.getRequestMethod()) || !signed) {
                ex.sendResponseHeaders(401, -1);
                return;
            }
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                received.add(new Received(ex.getRequestHeaders().getFirst(SbomSender.IMAGE_DIGEST_HEADER), in.readAllBytes()));
            }
            ex.sendResponseHeaders(200, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
