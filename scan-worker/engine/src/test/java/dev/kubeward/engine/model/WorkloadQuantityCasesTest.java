package dev.kubeward.engine.model;

import com.fasterxml.jackson.databind.node.IntNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class WorkloadQuantityCasesTest {

    @Test
    void binaryAndDecimalSuffixesCompareExactly() {
        assertThat(Quantity.parse("1Gi").orElseThrow()).isEqualByComparingTo(Quantity.parse("1024Mi").orElseThrow());
        assertThat(Quantity.parse("1G").orElseThrow()).isLessThan(Quantity.parse("1Gi").orElseThrow());
        assertThat(Quantity.parse("1073741824000m").orElseThrow()).isEqualByComparingTo(Quantity.parse("1Gi").orElseThrow());
    }

    @Test
    void milliSuffixIsAThousandthEvenForMemory() {
        assertThat(Quantity.parse("400m").orElseThrow()).isEqualByComparingTo(new BigDecimal("0.4"));
        assertThat(Quantity.parse("1500m").orElseThrow()).isGreaterThan(Quantity.parse("1").orElseThrow());
    }

    @Test
    void exponentIsToldApartFromExaSuffix() {
        assertThat(Quantity.parse("1E3").orElseThrow()).isEqualByComparingTo(new BigDecimal("1000"));
        assertThat(Quantity.parse("2e-3").orElseThrow()).isEqualByComparingTo(new BigDecimal("0.002"));
        assertThat(Quantity.parse("1E").orElseThrow()).isEqualByComparingTo(BigDecimal.TEN.pow(18));
    }

    @Test
    void fractionsAndBareNumbersAreQuantities() {
        assertThat(Quantity.parse("0.5").orElseThrow()).isEqualByComparingTo(Quantity.parse("500m").orElseThrow());
        assertThat(Quantity.parse(".5").orElseThrow()).isEqualByComparingTo(new BigDecimal("0.5"));
        assertThat(Quantity.of(IntNode.valueOf(2)).orElseThrow()).isEqualByComparingTo(new BigDecimal("2"));
    }

    @Test
    void rejectsWhatKubernetesRejects() {
        assertThat(Quantity.parse("1gi")).isEmpty();
        assertThat(Quantity.parse("Mi")).isEmpty();
        assertThat(Quantity.parse("1 Gi")).isEmpty();
        assertThat(Quantity.parse("")).isEmpty();
    }
}
