package org.oneedge.mec.api.location;

import org.oneedge.mec.api.common.TimeStamp;

/** A Location event subscription OneEdge implements (MEC 013 6.3.4, 6.3.6). */
public sealed interface LocationSubscription permits UserLocationEventSubscription, ZoneLocationEventSubscription {

    String subscriptionType();

    String callbackReference();

    TimeStamp expiryDeadline();

    /** The JSON root key of this subscription's bodies, e.g. {@code userLocationEventSubscription}. */
    String rootKey();
}
