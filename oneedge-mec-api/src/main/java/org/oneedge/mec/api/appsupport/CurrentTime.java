package org.oneedge.mec.api.appsupport;

/** MEC 011 {@code CurrentTime}: the platform's clock ({@code /timing/current_time}). */
public record CurrentTime(long seconds, int nanoSeconds, String timeSourceStatus) {

    public static final String TRACEABLE = "TRACEABLE";
    public static final String NONTRACEABLE = "NONTRACEABLE";
}
