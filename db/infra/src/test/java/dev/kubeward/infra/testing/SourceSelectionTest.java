package dev.kubeward.infra.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class SourceSelectionTest {

    private static final String URL = TestInfrastructure.JDBC_URL;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(Map.of(), false, InfrastructureSource.EMBEDDED),
                Arguments.of(Map.of(), true, InfrastructureSource.TESTCONTAINERS),
                Arguments.of(Map.of(URL, "jdbc:postgresql://ci:5432/postgres"), true, InfrastructureSource.EXTERNAL),
                Arguments.of(Map.of(URL, "jdbc:postgresql://ci:5432/postgres"), false, InfrastructureSource.EXTERNAL),
                Arguments.of(Map.of(SourceSelection.FORCE, "embedded"), true, InfrastructureSource.EMBEDDED),
                Arguments.of(Map.of(SourceSelection.FORCE, "Embedded", URL, "jdbc:postgresql://ci/x"), true, InfrastructureSource.EMBEDDED),
                Arguments.of(Map.of(SourceSelection.FORCE, "testcontainers"), false, InfrastructureSource.TESTCONTAINERS));
    }

    @ParameterizedTest(name = "{0}, docker={1} -> {2}")
    @MethodSource("cases")
    void prefersExternalThenContainersThenEmbedded(Map<String, String> settings, boolean docker, InfrastructureSource expected) {
        assertThat(new SourceSelection(settings::get, () -> docker).choose(URL)).isEqualTo(expected);
    }

    @Test
    void asksDockerOnlyWhenNothingExternalIsConfigured() {
        SourceSelection selection = new SourceSelection(Map.of(URL, "jdbc:postgresql://ci/x")::get,
                () -> { throw new AssertionError("Docker was asked"); });
        assertThat(selection.choose(URL)).isEqualTo(InfrastructureSource.EXTERNAL);
    }

    @Test
    void refusesForcedExternalWithoutItsSetting() {
        SourceSelection selection = new SourceSelection(Map.of(SourceSelection.FORCE, "external")::get, () -> false);
        assertThatThrownBy(() -> selection.choose(URL)).hasMessageContaining(URL);
    }
}
