package dev.kubeward.contract;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/** HMAC-SHA256 over the exact bytes of a chunk on the wire, keyed with the cluster's secret. */
public final class ChunkSigner {

    private ChunkSigner() {
    }

    public static String sign(byte[] clusterSecret, byte[] value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(clusterSecret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Constant-time comparison, so a forger learns nothing from timing. */
    public static boolean verify(byte[] clusterSecret, byte[] value, String signatureHex) {
        if (signatureHex == null) return false;
        byte[] expected = sign(clusterSecret, value).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] given = signatureHex.toLowerCase().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
