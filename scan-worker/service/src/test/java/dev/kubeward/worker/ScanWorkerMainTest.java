package dev.kubeward.worker;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScanWorkerMainTest {

    @Test
    void everyEngineSubcommandIsReachableFromTheJarWithoutStartingTheService() {
        assertThat(ScanWorkerMain.CLI_COMMANDS).containsExactlyInAnyOrder("scan", "conformance", "bench", "catalog");
    }
}
