package org.oneedge.binding.mqtt.primitive;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * oneM2M timestamps in ISO 8601 basic format, UTC ({@code 20260101T120000}, optionally {@code ,ffffff}),
 * TS-0004 8.4 / digest 2.7. Fractions are written only when non-zero, so every {@link Instant} survives a round trip.
 */
public final class OneM2MTimestamps {
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
    private static final Pattern FORM = Pattern.compile("(\\d{8}T\\d{6})(?:[.,](\\d{1,9}))?Z?");

    private OneM2MTimestamps() {
    }

    public static String format(Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        String base = BASIC.format(t);
        int nanos = t.getNano();
        if (nanos == 0) {
            return base;
        }
        String fraction = String.format("%09d", nanos).replaceFirst("0+$", "");
        return base + "," + fraction;
    }

    /** Parses a basic-format timestamp; throws {@link IllegalArgumentException} saying what is wrong. */
    public static Instant parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a oneM2M timestamp (YYYYMMDDTHHMMSS[,ffffff])");
        }
        try {
            LocalDateTime t = LocalDateTime.parse(m.group(1), BASIC);
            if (m.group(2) != null) {
                String digits = (m.group(2) + "000000000").substring(0, 9);
                t = t.withNano(Integer.parseInt(digits));
            }
            return t.toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid date and time", e);
        }
    }
}
