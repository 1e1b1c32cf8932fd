package org.oneedge.client;

/** The notification event types a subscription asks for ({@code enc/net}, TS-0004 6.3.5.6; digest 6.2). */
public enum NotificationEvent {
    UPDATE_OF_RESOURCE(1),
    DELETE_OF_RESOURCE(2),
    CREATE_OF_DIRECT_CHILD_RESOURCE(3),
    DELETE_OF_DIRECT_CHILD_RESOURCE(4),
    RETRIEVE_OF_CONTAINER_RESOURCE_WITH_NO_CHILD_RESOURCE(5);

    private final int net;

    NotificationEvent(int net) {
        this.net = net;
    }

    /** The {@code net} number on the wire. */
    public int net() {
        return net;
    }
}
