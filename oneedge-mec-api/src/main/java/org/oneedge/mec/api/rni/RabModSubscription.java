package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.TimeStamp;

/** Subscription to the QoS modification of one E-RAB (MEC 012 6.3.4), notified with {@link RabModNotification}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RabModSubscription(String subscriptionType, String callbackReference,
                                 Boolean requestTestNotification, WebsockNotifConfig websockNotifConfig,
                                 @JsonProperty("_links") SelfLinks links, FilterCriteriaQciErab filterCriteriaQci,
                                 TimeStamp expiryDeadline) implements RniSubscription {

    public static final String TYPE = "RabModSubscription";

    public RabModSubscription {
        if (!TYPE.equals(subscriptionType)) {
            throw new IllegalArgumentException("subscriptionType must be " + TYPE);
        }
        if (filterCriteriaQci == null) {
            throw new IllegalArgumentException("filterCriteriaQci is required");
        }
    }

    /** A subscription for the given filter, delivered to {@code callbackReference}. */
    public static RabModSubscription of(String callbackReference, FilterCriteriaQciErab filter,
                                        TimeStamp expiryDeadline) {
        return new RabModSubscription(TYPE, callbackReference, null, null, null, filter, expiryDeadline);
    }

    @Override
    public RabModSubscription withLinks(SelfLinks newLinks) {
        return new RabModSubscription(subscriptionType, callbackReference, requestTestNotification,
                websockNotifConfig, newLinks, filterCriteriaQci, expiryDeadline);
    }

    @Override
    public RabModSubscription withDelivery(String newCallbackReference, WebsockNotifConfig newWebsockNotifConfig) {
        return new RabModSubscription(subscriptionType, newCallbackReference, requestTestNotification,
                newWebsockNotifConfig, links, filterCriteriaQci, expiryDeadline);
    }
}
