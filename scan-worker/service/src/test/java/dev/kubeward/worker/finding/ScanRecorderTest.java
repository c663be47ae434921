package dev.kubeward.worker.finding;

import dev.kubeward.contract.Uuid7;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ScanRecorderTest {

    @Test
    void anOlderSnapshotIsRecognisedByItsUuid7Time() throws InterruptedException {
        UUID older = Uuid7.next();
        Thread.sleep(3);
        UUID newer = Uuid7.next();
        assertThat(ScanRecorder.olderThan(older, newer)).isTrue();
        assertThat(ScanRecorder.olderThan(newer, older)).isFalse();
        assertThat(ScanRecorder.olderThan(older, null)).isFalse();
        assertThat(ScanRecorder.olderThan(UUID.randomUUID(), newer)).isFalse();
    }
}
