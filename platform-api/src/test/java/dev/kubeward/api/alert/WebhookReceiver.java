package dev.kubeward.api.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.kubeward.contract.ChunkCodec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A local webhook receiver (JDK HttpServer on 127.0.0.1) that records every request and answers scripted statuses. */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(Map<String, String> headers, byte[] body, int answered) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        public JsonNode json() {
            try {
                return ChunkCodec.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> scripted = new ArrayDeque<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            WebhookReceiver r = new WebhookReceiver(s);
            s.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Map<String, String> headers = new LinkedHashMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
                int status;
                synchronized (r.scripted) {
                    status = r.scripted.isEmpty() ? 200 : r.scripted.poll();
                }
                r.received.add(new Received(headers, body, status));
                byte[] answer = (status == 200 ? "ok" : "boom").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            s.start();
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next {@code times} requests are answered with {@code status}. */
    public void answerNext(int status, int times) {
        synchronized (scripted) {
            for (int i = 0; i < times; i++) scripted.add(status);
        }
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String eventType) {
        return received.stream().filter(r -> eventType.equals(r.header("X-Kubeward-Event"))).toList();
    }

    /** Waits until {@code condition} holds for the requests so far. */
    public List<Received> await(Predicate<List<Received>> condition, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            if (condition.test(received())) return received();
            Thread.sleep(100);
        }
        throw new AssertionError("webhook receiver: condition not met within " + timeout + "; received " + received.size() + " requests: "
                + received.stream().map(r -> r.header("X-Kubeward-Event") + "/" + r.answered()).toList());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
