package dev.kubeward.db.crypto;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * AES-256-GCM for secrets that must be readable again (cluster HMAC secrets, alert webhook secrets).
 * The key lives outside the database (property {@code kubeward.secrets.key}, or a key file in the
 * embedded default's data directory), so a database dump alone reveals nothing. Layout: 12-byte nonce ‖ ciphertext+tag.
 */
public final class SecretCipher {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;

    public SecretCipher(byte[] key) {
        if (key.length != 32) throw new IllegalArgumentException("the secrets key must be 32 bytes (base64 of 32 random bytes)");
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    public static SecretCipher fromBase64(String base64Key) {
        return new SecretCipher(Base64.getDecoder().decode(base64Key.trim()));
    }

    public static String newKeyBase64() {
        byte[] k = new byte[32];
        RANDOM.nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    public byte[] encrypt(byte[] plaintext) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] ct = c.doFinal(plaintext);
            return ByteBuffer.allocate(12 + ct.length).put(nonce).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] decrypt(byte[] sealed) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, 12));
            return c.doFinal(sealed, 12, sealed.length - 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt secret: wrong kubeward.secrets.key?", e);
        }
    }
}
