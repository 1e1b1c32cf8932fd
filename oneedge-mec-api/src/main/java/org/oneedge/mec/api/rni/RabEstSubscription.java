package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.TimeStamp;

/** Subscription to E-RAB establishments (MEC 012 6.3.3), notified with {@link RabEstNotification}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RabEstSubscription(String subscriptionType, String callbackReference,
                                 Boolean requestTestNotification, WebsockNotifConfig websockNotifConfig,
                                 @JsonProperty("_links") SelfLinks links, FilterCriteriaQci filterCriteriaQci,
                                 TimeStamp expiryDeadline) implements RniSubscription {

    public static final String TYPE = "RabEstSubscription";

    public RabEstSubscription {
        if (!TYPE.equals(subscriptionType)) {
            throw new IllegalArgumentException("subscriptionType must be " + TYPE);
        }
        if (filterCriteriaQci == null) {
            throw new IllegalArgumentException("filterCriteriaQci is required");
        }
    }

    /** A subscription for the given filter, delivered to {@code callbackReference}. */
    public static RabEstSubscription of(String callbackReference, FilterCriteriaQci filter, TimeStamp expiryDeadline) {
        return new RabEstSubscription(TYPE, callbackReference, null, null, null, filter, expiryDeadline);
    }

    @Override
    public RabEstSubscription withLinks(SelfLinks newLinks) {
        return new RabEstSubscription(subscriptionType, callbackReference, requestTestNotification,
                websockNotifConfig, newLinks, filterCriteriaQci, expiryDeadline);
    }

    @Override
    public RabEstSubscription withDelivery(String newCallbackReference, WebsockNotifConfig newWebsockNotifConfig) {
        return new RabEstSubscription(subscriptionType, newCallbackReference, requestTestNotification,
                newWebsockNotifConfig, links, filterCriteriaQci, expiryDeadline);
    }
}
