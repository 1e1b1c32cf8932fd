package org.oneedge.cse.access;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A time window in the oneM2M {@code m2m:scheduleEntry} cron-like syntax (TS-0004 6.3.5.29), used by the
 * {@code actw} context of an access control rule: {@code second minute hour dayOfMonth month dayOfWeek [year]},
 * each field {@code *}, a number, a range {@code a-b}, a step {@code *}{@code /n} or {@code a-b/n}, or a comma list.
 * Day of week counts 0 (Sunday) to 6. Times are evaluated in UTC.
 */
public final class ScheduleEntry {

    private static final int[][] BOUNDS = {{0, 59}, {0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 6}, {1970, 9999}};

    private final String text;
    private final List<IntPredicate> fields;

    private ScheduleEntry(String text, List<IntPredicate> fields) {
        this.text = text;
        this.fields = fields;
    }

    /**
     * Parses a schedule entry.
     *
     * @throws IllegalArgumentException with a message naming the bad field
     */
    public static ScheduleEntry parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("schedule entry is null");
        }
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 6 && parts.length != 7) {
            throw new IllegalArgumentException("schedule entry '" + text + "' needs 6 or 7 fields, has " + parts.length);
        }
        List<IntPredicate> fields = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            fields.add(parseField(text, parts[i], BOUNDS[i][0], BOUNDS[i][1]));
        }
        return new ScheduleEntry(text, List.copyOf(fields));
    }

    private static IntPredicate parseField(String text, String field, int min, int max) {
        IntPredicate any = null;
        for (String item : field.split(",")) {
            IntPredicate p = parseItem(text, item, min, max);
            any = any == null ? p : any.or(p);
        }
        return any;
    }

    private static IntPredicate parseItem(String text, String item, int min, int max) {
        try {
            int step = 1;
            String range = item;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                step = Integer.parseInt(item.substring(slash + 1));
                range = item.substring(0, slash);
                if (step < 1) {
                    throw new NumberFormatException("step < 1");
                }
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                from = Integer.parseInt(range.substring(0, range.indexOf('-')));
                to = Integer.parseInt(range.substring(range.indexOf('-') + 1));
            } else {
                from = Integer.parseInt(range);
                to = slash >= 0 ? max : from;
            }
            if (from < min || to > max || from > to) {
                throw new NumberFormatException("out of range " + min + "-" + max);
            }
            int start = from;
            int end = to;
            int stride = step;
            return v -> v >= start && v <= end && (v - start) % stride == 0;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("schedule entry '" + text + "' has a bad field '" + item + "'", e);
        }
    }

    /** True when {@code instant} (in UTC) lies in this window. */
    public boolean matches(Instant instant) {
        ZonedDateTime t = instant.atZone(ZoneOffset.UTC);
        int[] values = {t.getSecond(), t.getMinute(), t.getHour(), t.getDayOfMonth(), t.getMonthValue(),
                t.getDayOfWeek().getValue() % 7, t.getYear()};
        for (int i = 0; i < fields.size(); i++) {
            if (!fields.get(i).test(values[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}
