package org.oneedge.mec.api.location;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.TimeStamp;

import java.util.List;

/**
 * Subscription to one user's zone/access-point entering and leaving events (MEC 013 6.3.4), body root
 * {@code userLocationEventSubscription}; notified with {@link UserLocationEventNotification}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserLocationEventSubscription(@JsonProperty("_links") Links links, String address,
                                            String callbackReference, String clientCorrelator,
                                            TimeStamp expiryDeadline,
                                            List<LocationEventType> locationEventCriteria,
                                            Boolean requestTestNotification, String subscriptionType,
                                            UserEventPara userEventPara, WebsockNotifConfig websockNotifConfig)
        implements LocationSubscription {

    public static final String TYPE = "UserLocationEventSubscription";
    public static final String ROOT = "userLocationEventSubscription";

    public UserLocationEventSubscription {
        if (!TYPE.equals(subscriptionType)) {
            throw new IllegalArgumentException("subscriptionType must be " + TYPE);
        }
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("address is required");
        }
        locationEventCriteria = locationEventCriteria == null ? null : List.copyOf(locationEventCriteria);
    }

    public static UserLocationEventSubscription of(String address, String callbackReference,
                                                   List<LocationEventType> criteria, UserEventPara para,
                                                   TimeStamp expiryDeadline) {
        return new UserLocationEventSubscription(null, address, callbackReference, null, expiryDeadline, criteria,
                null, TYPE, para, null);
    }

    @Override
    public UserLocationEventSubscription withLinks(Links newLinks) {
        return new UserLocationEventSubscription(newLinks, address, callbackReference, clientCorrelator,
                expiryDeadline, locationEventCriteria, requestTestNotification, subscriptionType, userEventPara,
                websockNotifConfig);
    }

    @Override
    public UserLocationEventSubscription withDelivery(String callback, WebsockNotifConfig websock) {
        return new UserLocationEventSubscription(links, address, callback, clientCorrelator, expiryDeadline,
                locationEventCriteria, requestTestNotification, subscriptionType, userEventPara, websock);
    }

    @Override
    public String rootKey() {
        return ROOT;
    }
}
