package org.oneedge.mec.api.location;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.TimeStamp;

/**
 * Subscription to one user's location every {@code reportingInterval} seconds, {@code reportingAmount} times
 * (MEC 013 6.3.5), body root {@code userLocationPeriodicSubscription}; notified with
 * {@link UserLocationPeriodicNotification}, the last one flagged {@code isFinalNotification}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserLocationPeriodicSubscription(@JsonProperty("_links") Links links, String address,
                                               String callbackReference, String clientCorrelator,
                                               TimeStamp expiryDeadline, PeriodicEventInfo periodicEventInfo,
                                               Boolean requestTestNotification, String subscriptionType,
                                               WebsockNotifConfig websockNotifConfig)
        implements LocationSubscription {

    public static final String TYPE = "UserLocationPeriodicSubscription";
    public static final String ROOT = "userLocationPeriodicSubscription";

    public UserLocationPeriodicSubscription {
        if (!TYPE.equals(subscriptionType)) {
            throw new IllegalArgumentException("subscriptionType must be " + TYPE);
        }
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("address is required");
        }
        if (periodicEventInfo == null) {
            throw new IllegalArgumentException("periodicEventInfo is required");
        }
    }

    public static UserLocationPeriodicSubscription of(String address, String callbackReference,
                                                      PeriodicEventInfo periodicEventInfo) {
        return new UserLocationPeriodicSubscription(null, address, callbackReference, null, null, periodicEventInfo,
                null, TYPE, null);
    }

    @Override
    public UserLocationPeriodicSubscription withLinks(Links newLinks) {
        return new UserLocationPeriodicSubscription(newLinks, address, callbackReference, clientCorrelator,
                expiryDeadline, periodicEventInfo, requestTestNotification, subscriptionType, websockNotifConfig);
    }

    @Override
    public UserLocationPeriodicSubscription withDelivery(String callback, WebsockNotifConfig websock) {
        return new UserLocationPeriodicSubscription(links, address, callback, clientCorrelator, expiryDeadline,
                periodicEventInfo, requestTestNotification, subscriptionType, websock);
    }

    @Override
    public String rootKey() {
        return ROOT;
    }
}
