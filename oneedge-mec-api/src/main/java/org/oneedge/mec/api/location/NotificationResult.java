package org.oneedge.mec.api.location;

/** Result of the localisation behind a notification (MEC 013 {@code NotificationResult}). */
public enum NotificationResult {
    SUCCESS,
    ABNORMAL
}
