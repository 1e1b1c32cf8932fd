package org.oneedge.mec.api.common;

import java.time.Instant;

/**
 * The ETSI MEC {@code TimeStamp} ({@code {seconds, nanoSeconds}} since the Unix epoch, MEC 011/012/013 data models),
 * used for {@code expiryDeadline} and notification times.
 */
public record TimeStamp(long seconds, int nanoSeconds) {

    public TimeStamp {
        if (nanoSeconds < 0 || nanoSeconds > 999_999_999) {
            throw new IllegalArgumentException("nanoSeconds must be in 0..999999999, was " + nanoSeconds);
        }
    }

    public static TimeStamp of(Instant instant) {
        return new TimeStamp(instant.getEpochSecond(), instant.getNano());
    }

    public Instant toInstant() {
        return Instant.ofEpochSecond(seconds, nanoSeconds);
    }
}
