package dev.kubeward.api.alert.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeward.api.alert.AlertTarget;
import dev.kubeward.api.alert.Delivery;
import dev.kubeward.api.alert.WebhookSignature;
import dev.kubeward.contract.ChunkCodec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** Sends one delivery to its target: signed JSON webhook, Slack-compatible payload, or e-mail. */
@Component
public class MessageSender {

    /** What one attempt came to. {@code statusCode} is null when no HTTP answer came. */
    public record Result(boolean ok, Integer statusCode, String error) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectProvider<JavaMailSender> mail;
    private final String mailFrom;
    private final Duration timeout;

    public MessageSender(ObjectProvider<JavaMailSender> mail, @Value("${kubeward.alerts.mail-from:kubeward@localhost}") String mailFrom,
                         @Value("${kubeward.alerts.timeout:10s}") Duration timeout) {
        this.mail = mail;
        this.mailFrom = mailFrom;
        this.timeout = timeout;
    }

    public Result send(AlertTarget target, Delivery d, byte[] secret) {
        try {
            return switch (target.kind()) {
                case "webhook" -> post(target, d, d.payload().getBytes(StandardCharsets.UTF_8), secret);
                case "slack" -> post(target, d, slack(d), secret);
                case "email" -> email(target, d);
                default -> new Result(false, null, "unknown target kind " + target.kind());
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, null, "interrupted");
        } catch (IOException | RuntimeException e) {
            return new Result(false, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Result post(AlertTarget target, Delivery d, byte[] body, byte[] secret) throws IOException, InterruptedException {
        long ts = Instant.now().getEpochSecond();
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(target.url())).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Kubeward-Alerts/1")
                .header(WebhookSignature.EVENT_HEADER, d.eventType())
                .header(WebhookSignature.DELIVERY_HEADER, Long.toString(d.id()))
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(ts))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (secret != null) req.header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, ts, body));
        HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        boolean ok = res.statusCode() >= 200 && res.statusCode() < 300;
        String snippet = res.body() == null ? "" : res.body().substring(0, Math.min(200, res.body().length()));
        return new Result(ok, res.statusCode(), ok ? null : "HTTP " + res.statusCode() + (snippet.isBlank() ? "" : ": " + snippet));
    }

    /** Slack's incoming-webhook format: a plain {@code text} fallback and one mrkdwn section. */
    static byte[] slack(Delivery d) throws JsonProcessingException {
        JsonNode payload = ChunkCodec.mapper().readTree(d.payload());
        String text = "*" + d.title() + "*" + (payload.hasNonNull("text") ? "\n" + payload.get("text").asText() : "");
        ObjectNode out = ChunkCodec.mapper().createObjectNode();
        out.put("text", d.title());
        ObjectNode section = out.putArray("blocks").addObject();
        section.put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", text.length() > 2900 ? text.substring(0, 2900) + "…" : text);
        return ChunkCodec.mapper().writeValueAsBytes(out);
    }

    private Result email(AlertTarget target, Delivery d) throws JsonProcessingException {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) return new Result(false, null, "e-mail is not configured (set spring.mail.host)");
        JsonNode payload = ChunkCodec.mapper().readTree(d.payload());
        SimpleMailMessage m = new SimpleMailMessage();
        m.setFrom(mailFrom);
        m.setTo(target.emailTo().split("\\s*[,;]\\s*"));
        m.setSubject("[Kubeward] " + d.title());
        m.setText((payload.hasNonNull("text") ? payload.get("text").asText() + "\n\n" : "")
                + ChunkCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(payload.path("data")));
        sender.send(m);
        return new Result(true, null, null);
    }
}
