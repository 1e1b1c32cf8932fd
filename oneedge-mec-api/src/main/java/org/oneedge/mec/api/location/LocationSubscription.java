package org.oneedge.mec.api.location;

import org.oneedge.mec.api.common.TimeStamp;

/** A Location subscription OneEdge implements (MEC 013 6.3.4 to 6.3.9). */
public sealed interface LocationSubscription permits UserLocationEventSubscription, ZoneLocationEventSubscription,
        UserLocationPeriodicSubscription, ZoneStatusSubscription, UserAreaSubscription, UserDistanceSubscription {

    String subscriptionType();

    String callbackReference();

    TimeStamp expiryDeadline();

    /** The JSON root key of this subscription's bodies, e.g. {@code userLocationEventSubscription}. */
    String rootKey();

    Links links();

    Boolean requestTestNotification();

    WebsockNotifConfig websockNotifConfig();

    /** This subscription as stored, with its {@code _links}. */
    LocationSubscription withLinks(Links links);

    /** This subscription with the delivery the server chose (MEC 009 6.12a: only the chosen alternative is kept). */
    LocationSubscription withDelivery(String callbackReference, WebsockNotifConfig websockNotifConfig);
}
