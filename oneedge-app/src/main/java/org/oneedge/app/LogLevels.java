package org.oneedge.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Applies the {@code --log-level} / {@code log-level} setting to Logback at run time. */
final class LogLevels {
    private LogLevels() {
    }

    static void apply(String level) {
        if (level == null) {
            return;
        }
        Level l = Level.toLevel(level, Level.INFO);
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(l);
        }
        if (LoggerFactory.getLogger("org.oneedge") instanceof Logger ours) {
            ours.setLevel(l);
        }
    }
}
