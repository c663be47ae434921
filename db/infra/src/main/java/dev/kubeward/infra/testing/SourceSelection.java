package dev.kubeward.infra.testing;

import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/** The rule that picks a source; kept apart from the starting so a unit test can run it with any environment. */
final class SourceSelection {

    /** Optional: {@code external}, {@code testcontainers} or {@code embedded} forces one source for both servers. */
    static final String FORCE = "KUBEWARD_TEST_INFRA";

    private final UnaryOperator<String> settings;
    private final BooleanSupplier dockerAvailable;

    SourceSelection(UnaryOperator<String> settings, BooleanSupplier dockerAvailable) {
        this.settings = settings;
        this.dockerAvailable = dockerAvailable;
    }

    /** Environment variable first, then a system property of the same name (handy with {@code mvn -D...}). */
    static SourceSelection fromEnvironment(BooleanSupplier dockerAvailable) {
        return new SourceSelection(SourceSelection::setting, dockerAvailable);
    }

    static String setting(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** @param externalSetting the variable whose presence means "use an external server", e.g. the JDBC URL */
    InfrastructureSource choose(String externalSetting) {
        String forced = settings.apply(FORCE);
        if (forced != null) {
            InfrastructureSource source = InfrastructureSource.valueOf(forced.toUpperCase(Locale.ROOT));
            if (source == InfrastructureSource.EXTERNAL && settings.apply(externalSetting) == null) {
                throw new IllegalStateException(FORCE + "=external but " + externalSetting + " is not set");
            }
            return source;
        }
        if (settings.apply(externalSetting) != null) {
            return InfrastructureSource.EXTERNAL;
        }
        return dockerAvailable.getAsBoolean() ? InfrastructureSource.TESTCONTAINERS : InfrastructureSource.EMBEDDED;
    }

    String require(String name) {
        String value = settings.apply(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }

    String get(String name, String fallback) {
        String value = settings.apply(name);
        return value == null ? fallback : value;
    }
}
