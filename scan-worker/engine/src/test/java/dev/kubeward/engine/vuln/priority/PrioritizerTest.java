package dev.kubeward.engine.vuln.priority;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.engine.vuln.cvss.Cvss3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrioritizerTest {

    private final Prioritizer prioritizer = new Prioritizer();

    @ParameterizedTest(name = "{0} kev={1} epss={2} fix={3} exposed={4} priv={5} sa={6} -> {7}")
    @CsvSource({
        // severity, kev,  epss,  fix,   exposed, privileged, dangerous SA, bucket
        "CRITICAL, true,  0.97,  true,  true,  false, false, ACT_NOW",
        "LOW,      true,  0.01,  false, true,  false, false, ACT_NOW",
        "MEDIUM,   true,  ,      false, false, true,  false, ACT_NOW",
        "MEDIUM,   true,  ,      false, false, false, true,  ACT_NOW",
        "CRITICAL, false, 0.20,  false, true,  false, false, ACT_NOW",
        "CRITICAL, false, 0.05,  false, true,  false, false, PLAN",
        "HIGH,     false, 0.50,  true,  true,  false, false, PLAN",
        "MEDIUM,   true,  0.50,  true,  false, false, false, PLAN",
        "HIGH,     false, ,      false, false, true,  false, PLAN",
        "HIGH,     false, ,      true,  false, false, true,  PLAN",
        "MEDIUM,   false, 0.10,  false, false, false, false, PLAN",
        "CRITICAL, false, 0.01,  true,  false, false, false, PLAN",
        "CRITICAL, false, 0.01,  false, false, false, false, WATCH",
        "HIGH,     false, 0.01,  true,  false, false, false, WATCH",
        "MEDIUM,   false, 0.05,  true,  true,  true,  true,  WATCH",
        "LOW,      false, ,      false, true,  false, false, WATCH",
        ",         false, ,      false, true,  true,  false, WATCH",
    })
    void bucketsByTheDecisionTable(Cvss3.Severity severity, boolean kev, Double epss, boolean fix, boolean exposed,
                                   boolean privileged, boolean dangerousSa, Bucket expected) {
        VulnerabilitySignals v = new VulnerabilitySignals("CVE-2024-0001", null, severity, kev ? "2024-01-02" : null,
                epss, fix ? "1.2.3" : null);
        Priority p = prioritizer.prioritize(v, new WorkloadContext(exposed, privileged, dangerousSa));

        assertThat(p.bucket()).isEqualTo(expected);
        assertThat(p.reasons().get(0)).startsWith(expected.label() + ": ");
    }

    @Test
    void explainsEverySignalItConsidered() {
        VulnerabilitySignals v = new VulnerabilitySignals("CVE-2021-44228", 10.0, Cvss3.Severity.CRITICAL,
                "2021-12-10", 0.97565, "2.15.0");
        Priority p = prioritizer.prioritize(v, new WorkloadContext(true, false, true));

        assertThat(p.cve()).isEqualTo("CVE-2021-44228");
        assertThat(p.reasons()).containsExactly(
                "act now: known exploited and the workload is exposed to the internet",
                "CVSS 10.0 (critical)",
                "in CISA KEV since 2021-12-10",
                "EPSS 0.976 (at or above 0.10)",
                "fixed in 2.15.0",
                "workload exposed to the internet",
                "workload's service account has dangerous permissions");
    }
}
