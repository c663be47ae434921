package dev.kubeward.worker.failure;

import dev.kubeward.contract.ChunkRejectedException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class ChunkErrorHandlingTest {

    @Test
    void rejectionsCarryTheirCodeThroughTheListenerWrapper() {
        var ex = new ListenerExecutionFailedException("listener failed", new ChunkRejectedException("bad-signature", "nope"));
        assertThat(ChunkErrorHandling.codeOf(ex)).isEqualTo("bad-signature");
        assertThat(ChunkErrorHandling.reasonOf(ex)).isEqualTo("nope");
        assertThat(ChunkErrorHandling.isTransient(ex)).isFalse();
    }

    @Test
    void databaseOutagesAreTransientBugsAreNot() {
        assertThat(ChunkErrorHandling.isTransient(new ListenerExecutionFailedException("x",
                new CannotGetJdbcConnectionException("down", new SQLException("refused", "08001"))))).isTrue();
        assertThat(ChunkErrorHandling.isTransient(new RuntimeException(new SQLException("serialization", "40001")))).isTrue();
        assertThat(ChunkErrorHandling.isTransient(new DataIntegrityViolationException("constraint"))).isFalse();
        assertThat(ChunkErrorHandling.isTransient(new NullPointerException())).isFalse();
        assertThat(ChunkErrorHandling.codeOf(new NullPointerException("boom"))).isEqualTo(ChunkErrorHandling.PROCESSING_FAILED);
    }
}
