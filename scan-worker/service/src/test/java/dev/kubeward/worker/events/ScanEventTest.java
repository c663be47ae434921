package dev.kubeward.worker.events;

import dev.kubeward.contract.ChunkCodec;
import dev.kubeward.worker.finding.FindingChange;
import dev.kubeward.worker.finding.ScanOutcome;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class ScanEventTest {

    @Test
    void listsAreCappedButCountsStayComplete() throws Exception {
        List<FindingChange> many = LongStream.range(0, 1200).mapToObj(i -> new FindingChange(i, "C-0057", "high", "Deployment", "ns", "d" + i)).toList();
        ScanOutcome o = new ScanOutcome(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), Instant.EPOCH, 10,
                Map.of("high", 1200), many, List.of(), List.of(many.get(0)));
        ScanEvent e = ScanEvent.of(o);
        assertThat(e.newCount()).isEqualTo(1200);
        assertThat(e.newFindings()).hasSize(ScanEvent.MAX_LISTED);
        assertThat(e.truncated()).isTrue();
        assertThat(e.resolvedFindings()).hasSize(1);
        var json = ChunkCodec.mapper().readTree(ChunkCodec.mapper().writeValueAsBytes(e));
        assertThat(json.path("type").asText()).isEqualTo("scan-completed");
        assertThat(json.path("clusterId").asText()).isEqualTo(o.clusterId().toString());
        assertThat(json.path("scannedAt").asText()).isEqualTo("1970-01-01T00:00:00Z");
    }
}
