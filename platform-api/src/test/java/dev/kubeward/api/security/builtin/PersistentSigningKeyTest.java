package dev.kubeward.api.security.builtin;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class PersistentSigningKeyTest {

    @Test
    void theSameKeySignsAfterARestart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data").resolve("oidc-signing-key.json");
        RSAKey first = PersistentSigningKey.loadOrCreate(file);
        RSAKey second = PersistentSigningKey.loadOrCreate(file);
        assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(second.toRSAPublicKey()).isEqualTo(first.toRSAPublicKey());
        assertThat(second.isPrivate()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
