package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.TimeStamp;

/** Subscription to the release of one E-RAB (MEC 012 6.3.5), notified with {@link RabRelNotification}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RabRelSubscription(String subscriptionType, String callbackReference,
                                 Boolean requestTestNotification, WebsockNotifConfig websockNotifConfig,
                                 @JsonProperty("_links") SelfLinks links, FilterCriteriaQciErab filterCriteriaQci,
                                 TimeStamp expiryDeadline) implements RniSubscription {

    public static final String TYPE = "RabRelSubscription";

    public RabRelSubscription {
        if (!TYPE.equals(subscriptionType)) {
            throw new IllegalArgumentException("subscriptionType must be " + TYPE);
        }
        if (filterCriteriaQci == null) {
            throw new IllegalArgumentException("filterCriteriaQci is required");
        }
    }

    /** A subscription for the given filter, delivered to {@code callbackReference}. */
    public static RabRelSubscription of(String callbackReference, FilterCriteriaQciErab filter,
                                        TimeStamp expiryDeadline) {
        return new RabRelSubscription(TYPE, callbackReference, null, null, null, filter, expiryDeadline);
    }

    @Override
    public RabRelSubscription withLinks(SelfLinks newLinks) {
        return new RabRelSubscription(subscriptionType, callbackReference, requestTestNotification,
                websockNotifConfig, newLinks, filterCriteriaQci, expiryDeadline);
    }

    @Override
    public RabRelSubscription withDelivery(String newCallbackReference, WebsockNotifConfig newWebsockNotifConfig) {
        return new RabRelSubscription(subscriptionType, newCallbackReference, requestTestNotification,
                newWebsockNotifConfig, links, filterCriteriaQci, expiryDeadline);
    }
}
