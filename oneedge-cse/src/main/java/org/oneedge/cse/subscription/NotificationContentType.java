package org.oneedge.cse.subscription;

import java.util.Optional;

/** The {@code nct} values: what a notification carries as {@code nev/rep} (TS-0004 6.3.4.2.x, digest §6.1). */
public enum NotificationContentType {
    ALL_ATTRIBUTES(1),
    MODIFIED_ATTRIBUTES(2),
    RESOURCE_ID(3),
    TRIGGER_PAYLOAD(4),
    TIME_SERIES_NOTIFICATION(5);

    private final int code;

    NotificationContentType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<NotificationContentType> of(int code) {
        for (NotificationContentType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
