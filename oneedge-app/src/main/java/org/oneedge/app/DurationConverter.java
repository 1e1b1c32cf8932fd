package org.oneedge.app;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;

/** Reads durations the way people write them: {@code 10s}, {@code 500ms}, {@code 2m}, or ISO-8601 {@code PT10S}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("pt")) {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
            }
            if (v.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1).trim()) * 1000));
            }
            if (v.endsWith("m")) {
                return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1).trim()) * 60);
            }
            return Duration.ofSeconds(Long.parseLong(v));
        } catch (RuntimeException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration; write e.g. 10s, 500ms, 2m");
        }
    }
}
