package org.oneedge.mec.api.appsupport;

/** MEC 011 {@code AppReadyConfirmation}: an app instance tells the platform it is up ({@code indication: READY}). */
public record AppReadyConfirmation(String indication) {

    public static final String READY = "READY";

    public AppReadyConfirmation {
        if (!READY.equals(indication)) {
            throw new IllegalArgumentException("indication must be READY, was " + indication);
        }
    }

    public static AppReadyConfirmation ready() {
        return new AppReadyConfirmation(READY);
    }
}
