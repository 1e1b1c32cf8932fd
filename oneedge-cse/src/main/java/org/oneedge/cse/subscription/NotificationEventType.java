package org.oneedge.cse.subscription;

import java.util.Optional;
import java.util.Set;

/**
 * The {@code enc/net} notification event types and the notification content types each allows
 * (TS-0004 6.3.4.2.x, digest §6.2). This CSE generates events 1–5 and 8; 6 and 7 are refused at subscription CREATE.
 */
public enum NotificationEventType {
    UPDATE_OF_RESOURCE(1, NotificationContentType.ALL_ATTRIBUTES,
            Set.of(NotificationContentType.ALL_ATTRIBUTES, NotificationContentType.MODIFIED_ATTRIBUTES,
                    NotificationContentType.RESOURCE_ID)),
    DELETE_OF_RESOURCE(2, NotificationContentType.ALL_ATTRIBUTES,
            Set.of(NotificationContentType.ALL_ATTRIBUTES, NotificationContentType.RESOURCE_ID)),
    CREATE_OF_DIRECT_CHILD_RESOURCE(3, NotificationContentType.ALL_ATTRIBUTES,
            Set.of(NotificationContentType.ALL_ATTRIBUTES, NotificationContentType.RESOURCE_ID)),
    DELETE_OF_DIRECT_CHILD_RESOURCE(4, NotificationContentType.ALL_ATTRIBUTES,
            Set.of(NotificationContentType.ALL_ATTRIBUTES, NotificationContentType.RESOURCE_ID)),
    RETRIEVE_OF_CONTAINER_RESOURCE_WITH_NO_CHILD_RESOURCE(5, NotificationContentType.ALL_ATTRIBUTES,
            Set.of(NotificationContentType.ALL_ATTRIBUTES, NotificationContentType.RESOURCE_ID)),
    TRIGGER_RECEIVED_FOR_AE_RESOURCE(6, NotificationContentType.TRIGGER_PAYLOAD,
            Set.of(NotificationContentType.TRIGGER_PAYLOAD)),
    BLOCKING_UPDATE(7, NotificationContentType.MODIFIED_ATTRIBUTES,
            Set.of(NotificationContentType.MODIFIED_ATTRIBUTES)),
    REPORT_ON_MISSING_DATA_POINTS(8, NotificationContentType.TIME_SERIES_NOTIFICATION,
            Set.of(NotificationContentType.TIME_SERIES_NOTIFICATION));

    private final int code;
    private final NotificationContentType defaultContentType;
    private final Set<NotificationContentType> allowedContentTypes;

    NotificationEventType(int code, NotificationContentType defaultContentType,
                          Set<NotificationContentType> allowedContentTypes) {
        this.code = code;
        this.defaultContentType = defaultContentType;
        this.allowedContentTypes = allowedContentTypes;
    }

    public int code() {
        return code;
    }

    public NotificationContentType defaultContentType() {
        return defaultContentType;
    }

    public boolean allows(NotificationContentType type) {
        return allowedContentTypes.contains(type);
    }

    /** True for the events this CSE generates (1–5, and 8 for timeSeries). */
    public boolean supported() {
        return code <= 5 || this == REPORT_ON_MISSING_DATA_POINTS;
    }

    /** True for the events whose representation is the child rather than the subscribed-to resource. */
    public boolean concernsChild() {
        return this == CREATE_OF_DIRECT_CHILD_RESOURCE || this == DELETE_OF_DIRECT_CHILD_RESOURCE;
    }

    public static Optional<NotificationEventType> of(int code) {
        for (NotificationEventType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
