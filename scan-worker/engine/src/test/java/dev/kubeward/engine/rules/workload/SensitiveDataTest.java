package dev.kubeward.engine.rules.workload;

import dev.kubeward.engine.rule.ControlInputs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SensitiveDataTest {

    private final SensitiveData sensitive = SensitiveData.from(ControlInputs.defaults().with(Map.of(
            "sensitiveKeyNames", List.of("password", "token"),
            "sensitiveValues", List.of("Bearer", "AKIA[0-9A-Z]{16}", "broken[regex"),
            "sensitiveKeyNamesAllowed", List.of("_FILE"),
            "sensitiveValuesAllowed", List.of("^my/secret/.*"))));

    @Test
    void keyNamesMatchAsCaseInsensitiveSubstrings() {
        assertThat(sensitive.sensitiveName("DB_PASSWORD", "hunter2")).isTrue();
        assertThat(sensitive.sensitiveName("LOG_LEVEL", "info")).isFalse();
    }

    @Test
    void valuesMatchAsRegularExpressionsIgnoringCase() {
        assertThat(sensitive.sensitiveValue("AUTH", "bearer abc")).isTrue();
        assertThat(sensitive.sensitiveValue("ID", "AKIAIOSFODNN7EXAMPLE")).isTrue();
        assertThat(sensitive.sensitiveValue("ID", "AKIA-short")).isFalse();
    }

    @Test
    void allowedNamesAndValuesWin() {
        assertThat(sensitive.sensitiveName("AWS_TOKEN_FILE", "hunter2")).isFalse();
        assertThat(sensitive.sensitiveName("my_password", "my/secret/file/path")).isFalse();
    }

    @Test
    void aPatternThatDoesNotCompileIsTakenLiterally() {
        assertThat(sensitive.looksSensitive("value with broken[regex inside")).isTrue();
    }
}
