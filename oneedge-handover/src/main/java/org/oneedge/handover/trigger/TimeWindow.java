package org.oneedge.handover.trigger;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A daily time window {@code [from, to)} in a time zone, wrapping over midnight when {@code to} is before
 * {@code from} (as CMDH {@code cmdhDefEcValue} schedules do, TS-0001 D.12 / TS-0004 schedule syntax in spirit).
 */
public record TimeWindow(LocalTime from, LocalTime to, ZoneId zone) {

    public TimeWindow {
        if (from == null || to == null || zone == null || from.equals(to)) {
            throw new IllegalArgumentException("a time window needs a start, a different end and a zone");
        }
    }

    public boolean contains(Instant instant) {
        LocalTime t = instant.atZone(zone).toLocalTime();
        return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
    }

    /** The next end of the window at or after {@code instant}. */
    public Instant endAfter(Instant instant) {
        ZonedDateTime now = instant.atZone(zone);
        ZonedDateTime end = now.with(to);
        return (end.isBefore(now) ? end.plusDays(1) : end).toInstant();
    }

    @Override
    public String toString() {
        return from + "-" + to + " " + zone;
    }
}
