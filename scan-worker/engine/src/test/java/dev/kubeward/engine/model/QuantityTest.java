package dev.kubeward.engine.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class QuantityTest {

    @ParameterizedTest
    @CsvSource({
            "500m, 0.5",
            "1, 1",
            "0.5, 0.5",
            ".5, 0.5",
            "1., 1",
            "+2, 2",
            "-1, -1",
            "250u, 0.00025",
            "100n, 0.0000001",
            "1k, 1000",
            "1M, 1000000",
            "1G, 1000000000",
            "1T, 1000000000000",
            "1P, 1000000000000000",
            "2E, 2000000000000000000",
            "1Ki, 1024",
            "1Mi, 1048576",
            "1Gi, 1073741824",
            "1Ti, 1099511627776",
            "1Pi, 1125899906842624",
            "1Ei, 1152921504606846976",
            "1e3, 1000",
            "1E3, 1000",
            "1.5e-3, 0.0015",
            "5e+2, 500",
    })
    void parsesKubernetesQuantitiesExactly(String text, String expected) {
        assertThat(Quantity.parse(text)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(expected));
    }

    @Test
    void comparesAcrossSuffixesWithoutRounding() {
        BigDecimal oneGiInMilliBytes = Quantity.parse("1073741824000m").orElseThrow();
        assertThat(oneGiInMilliBytes).isEqualByComparingTo(Quantity.parse("1Gi").orElseThrow());
        assertThat(Quantity.exceeds(oneGiInMilliBytes, Quantity.parse("512Mi").orElseThrow())).isTrue();
        // a double would make these equal
        assertThat(Quantity.exceeds(Quantity.parse("1000000000000000001").orElseThrow(), Quantity.parse("1E").orElseThrow())).isTrue();
        assertThat(Quantity.exceeds(Quantity.parse("1000m").orElseThrow(), Quantity.parse("1").orElseThrow())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 1", "1 ", "1.2.3", "Mi", "1mi", "1KB", "1K", "1e", "1e1.5", "1Gib", "abc", "--1", "0x10"})
    void rejectsWhatTheApiServerRejects(String text) {
        assertThat(Quantity.parse(text)).isEmpty();
    }

    @Test
    void readsBareNumbersFromManifests() {
        assertThat(Quantity.of(JsonNodeFactory.instance.numberNode(2))).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("2"));
        assertThat(Quantity.of(JsonNodeFactory.instance.numberNode(0.25))).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.25"));
        assertThat(Quantity.of(JsonNodeFactory.instance.booleanNode(true))).isEmpty();
    }
}
