package dev.kubeward.agent.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** {@code /healthz}, {@code /readyz} and {@code /metrics} on the JDK's HTTP server: no web framework for three endpoints. */
public final class AgentHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;

    public AgentHttpServer(int port, AgentHealth health, AgentMetrics metrics) throws IOException {
        server = HttpServer.create(new InetSocketAddress(port), 16);
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "kubeward-agent-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/healthz", ex -> probe(ex, health::live));
        server.createContext("/readyz", ex -> probe(ex, health::ready));
        server.createContext("/metrics", ex -> respond(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape()));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void probe(HttpExchange ex, Supplier<Boolean> check) throws IOException {
        boolean ok = check.get();
        respond(ex, ok ? 200 : 503, "text/plain; charset=utf-8", ok ? "ok\n" : "unavailable\n");
    }

    private static void respond(HttpExchange ex, int code, String contentType, String body) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", contentType);
            boolean head = "HEAD".equals(ex.getRequestMethod());
            ex.sendResponseHeaders(code, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
