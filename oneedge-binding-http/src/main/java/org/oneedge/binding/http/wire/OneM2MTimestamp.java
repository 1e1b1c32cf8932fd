package org.oneedge.binding.http.wire;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * oneM2M timestamps: ISO 8601 basic format in UTC, {@code YYYYMMDDTHHMMSS} with an optional {@code ,ffffff} fraction
 * as ACME writes it (TS-0004 8.4, digest 2.7). Used for the time conditions of the query string (crb, cra, ms, us,
 * exb, exa) and the {@code X-M2M-OT} header.
 */
public final class OneM2MTimestamp {

    private static final Pattern BASIC = Pattern.compile("(\\d{8}T\\d{6})(?:[.,](\\d{1,9}))?Z?");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");

    private OneM2MTimestamp() {
    }

    /** Parses a timestamp; throws {@link IllegalArgumentException} when the text is not one. */
    public static Instant parse(String text) {
        Matcher m = BASIC.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a oneM2M timestamp (YYYYMMDDTHHMMSS)");
        }
        try {
            LocalDateTime seconds = LocalDateTime.parse(m.group(1), SECONDS);
            int nanos = m.group(2) == null ? 0 : Integer.parseInt((m.group(2) + "00000000").substring(0, 9));
            return seconds.toInstant(ZoneOffset.UTC).plusNanos(nanos);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid date and time", e);
        }
    }

    /** Formats an instant; a fraction is written only when the instant has one, so that parse(format(t)) == t. */
    public static String format(Instant instant) {
        LocalDateTime time = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        String seconds = time.format(SECONDS);
        int nanos = time.getNano();
        if (nanos == 0) {
            return seconds;
        }
        String fraction = String.format("%09d", nanos);
        int end = fraction.length();
        while (end > 6 && fraction.charAt(end - 1) == '0') {
            end--;
        }
        return seconds + "," + fraction.substring(0, end);
    }
}
