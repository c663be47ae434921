package dev.kubeward.infra.internal;

import java.util.List;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Adjusts the level of loggers the application left unconfigured, when Logback is the SLF4J backend (it is in every
 * Boot app and in our tests); a no-op with any other backend. Not for use outside this module.
 */
public final class LogLevels {

    private LogLevels() {
    }

    /** Sets {@code level} (e.g. "WARN") on each logger that has no level of its own. */
    public static void defaultTo(String level, List<String> loggerNames) {
        if (logback()) {
            Logback.defaultTo(level, loggerNames);
        }
    }

    /** Runs {@code action} with {@code loggerName} switched off, unless the application configured that logger. */
    public static <T> T silenced(String loggerName, Supplier<T> action) {
        if (!logback()) {
            return action.get();
        }
        boolean silenced = Logback.defaultTo("OFF", List.of(loggerName));
        try {
            return action.get();
        } finally {
            if (silenced) {
                Logback.reset(loggerName);
            }
        }
    }

    private static boolean logback() {
        // NB: compare by name, so the Logback classes are only loaded when Logback really is the SLF4J backend.
        return "ch.qos.logback.classic.LoggerContext".equals(LoggerFactory.getILoggerFactory().getClass().getName());
    }

    private static final class Logback {
        static boolean defaultTo(String level, List<String> names) {
            var context = (ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory();
            boolean changed = false;
            for (String name : names) {
                var logger = context.getLogger(name);
                if (logger.getLevel() == null) {
                    logger.setLevel(ch.qos.logback.classic.Level.toLevel(level));
                    changed = true;
                }
            }
            return changed;
        }

        static void reset(String name) {
            ((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(name).setLevel(null);
        }
    }
}
