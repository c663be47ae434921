package dev.kubeward.api.security.builtin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The built-in provider's RSA signing key, kept in a file (owner-only) so tokens and sessions survive a
 * restart. Boot's default would make a new key at every start, invalidating every JWT already handed out.
 */
public final class PersistentSigningKey {

    private PersistentSigningKey() {
    }

    /** Reads the key from {@code file}, creating it (2048-bit RSA, JWK JSON) on first use. */
    public static RSAKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                JWK jwk = JWK.parse(Files.readString(file));
                if (!(jwk instanceof RSAKey rsa) || !rsa.isPrivate()) throw new IllegalStateException(file + " holds no private RSA key");
                return rsa;
            }
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".signing-key", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the directory's permissions apply
            }
            Files.writeString(tmp, key.toJSONString());
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the OIDC signing key " + file, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("unusable OIDC signing key in " + file, e);
        }
    }
}
