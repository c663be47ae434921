package dev.kubeward.api.alert;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    @Test
    void aSignatureVerifiesOnlyWithTheSameSecretTimestampAndBody() {
        byte[] secret = "whsec_test".getBytes(StandardCharsets.UTF_8);
        byte[] body = "{\"type\":\"test\"}".getBytes(StandardCharsets.UTF_8);
        String sig = WebhookSignature.sign(secret, 1_700_000_000L, body);
        assertThat(sig).startsWith("sha256=").hasSize(7 + 64);
        assertThat(WebhookSignature.verify(secret, "1700000000", body, sig)).isTrue();
        assertThat(WebhookSignature.verify(secret, "1700000001", body, sig)).isFalse();
        assertThat(WebhookSignature.verify("other".getBytes(StandardCharsets.UTF_8), "1700000000", body, sig)).isFalse();
        assertThat(WebhookSignature.verify(secret, "1700000000", "{}".getBytes(StandardCharsets.UTF_8), sig)).isFalse();
        assertThat(WebhookSignature.verify(secret, null, body, sig)).isFalse();
    }
}
