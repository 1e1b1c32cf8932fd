package org.oneedge.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The oneM2M timestamp format: ISO 8601 basic, UTC, {@code YYYYMMDDTHHMMSS} with an optional fraction
 * {@code ,ffffff} (TS-0004 6.3.3, digest §2.7). Writes always carry six fraction digits (microseconds), as ACME does;
 * reads accept no fraction or 1 to 9 fraction digits after {@code ,} or {@code .}.
 */
public final class TimestampCodec {

    private TimestampCodec() {
    }

    /** Formats an instant as {@code YYYYMMDDTHHMMSS,ffffff}, truncated to microseconds. */
    public static String format(Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("year " + year + " cannot be written as a oneM2M timestamp");
        }
        char[] out = new char[22];
        put(out, 0, year, 4);
        put(out, 4, t.getMonthValue(), 2);
        put(out, 6, t.getDayOfMonth(), 2);
        out[8] = 'T';
        put(out, 9, t.getHour(), 2);
        put(out, 11, t.getMinute(), 2);
        put(out, 13, t.getSecond(), 2);
        out[15] = ',';
        put(out, 16, t.getNano() / 1000, 6);
        return new String(out);
    }

    /**
     * Parses {@code YYYYMMDDTHHMMSS} with an optional fraction.
     *
     * @throws IllegalArgumentException naming the value when it is not a valid timestamp
     */
    public static Instant parse(String text) {
        if (text == null || text.length() < 15 || text.charAt(8) != 'T') {
            throw invalid(text);
        }
        try {
            int year = digits(text, 0, 4);
            int month = digits(text, 4, 2);
            int day = digits(text, 6, 2);
            int hour = digits(text, 9, 2);
            int minute = digits(text, 11, 2);
            int second = digits(text, 13, 2);
            int nanos = 0;
            if (text.length() > 15) {
                char sep = text.charAt(15);
                int fractionDigits = text.length() - 16;
                if ((sep != ',' && sep != '.') || fractionDigits < 1 || fractionDigits > 9) {
                    throw invalid(text);
                }
                nanos = digits(text, 16, fractionDigits);
                for (int i = fractionDigits; i < 9; i++) {
                    nanos *= 10;
                }
            }
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException | NumberFormatException e) {
            throw invalid(text);
        }
    }

    /**
     * Formats an instant exactly, for protocol headers and primitives where the value must survive a round trip:
     * a fraction only when the instant has one, trailing zeros dropped down to {@code minFractionDigits}.
     */
    public static String formatExact(Instant instant, int minFractionDigits) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        String seconds = format(t.withNano(0).toInstant(ZoneOffset.UTC)).substring(0, 15);
        int nanos = t.getNano();
        if (nanos == 0) {
            return seconds;
        }
        char[] fraction = new char[9];
        put(fraction, 0, nanos, 9);
        int end = 9;
        while (end > minFractionDigits && fraction[end - 1] == '0') {
            end--;
        }
        return seconds + "," + new String(fraction, 0, end);
    }

    /** Parses a timestamp as peers send it on the wire: like {@link #parse}, also with a trailing {@code Z}. */
    public static Instant parseWire(String text) {
        String value = text == null ? null : text.trim();
        if (value != null && value.endsWith("Z")) {
            value = value.substring(0, value.length() - 1);
        }
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw invalid(text);
        }
    }

    /** True when {@link #parse} accepts the text. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The instant as it survives a format/parse round trip: truncated to microseconds. */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException();
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static void put(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("'" + text + "' is not a oneM2M timestamp (YYYYMMDDTHHMMSS[,ffffff])");
    }
}
