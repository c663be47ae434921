package dev.kubeward.api.alert;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * How webhook receivers verify a message: {@value #SIGNATURE_HEADER} carries {@code sha256=<hex>}, the
 * HMAC-SHA256 with the target's secret over {@code <timestamp>.<body>}, where {@code <timestamp>} is the
 * {@value #TIMESTAMP_HEADER} header (Unix seconds) and {@code <body>} the raw request body. Receivers should
 * compare in constant time and refuse timestamps more than a few minutes old (replays).
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Kubeward-Signature";
    public static final String TIMESTAMP_HEADER = "X-Kubeward-Timestamp";
    public static final String EVENT_HEADER = "X-Kubeward-Event";
    public static final String DELIVERY_HEADER = "X-Kubeward-Delivery";

    private WebhookSignature() {
    }

    public static String sign(byte[] secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean verify(byte[] secret, String timestampHeader, byte[] body, String signatureHeader) {
        if (timestampHeader == null || signatureHeader == null) return false;
        long ts;
        try {
            ts = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, ts, body).getBytes(StandardCharsets.US_ASCII),
                signatureHeader.trim().getBytes(StandardCharsets.US_ASCII));
    }
}
