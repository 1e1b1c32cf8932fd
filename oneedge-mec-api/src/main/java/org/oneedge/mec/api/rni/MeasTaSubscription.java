package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.TimeStamp;

/** Subscription to UE timing advance (MEC 012 6.3.7), notified with {@link MeasTaNotification}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MeasTaSubscription(String subscriptionType, String callbackReference,
                                 Boolean requestTestNotification, WebsockNotifConfig websockNotifConfig,
                                 @JsonProperty("_links") SelfLinks links, FilterCriteriaAssoc filterCriteriaAssoc,
                                 TimeStamp expiryDeadline) implements RniSubscription {

    public static final String TYPE = "MeasTaSubscription";

    public MeasTaSubscription {
        if (!TYPE.equals(subscriptionType)) {
            throw new IllegalArgumentException("subscriptionType must be " + TYPE);
        }
        if (filterCriteriaAssoc == null) {
            throw new IllegalArgumentException("filterCriteriaAssoc is required");
        }
    }

    /** A subscription for the given filter, delivered to {@code callbackReference}. */
    public static MeasTaSubscription of(String callbackReference, FilterCriteriaAssoc filter,
                                        TimeStamp expiryDeadline) {
        return new MeasTaSubscription(TYPE, callbackReference, null, null, null, filter, expiryDeadline);
    }

    @Override
    public MeasTaSubscription withLinks(SelfLinks newLinks) {
        return new MeasTaSubscription(subscriptionType, callbackReference, requestTestNotification,
                websockNotifConfig, newLinks, filterCriteriaAssoc, expiryDeadline);
    }

    @Override
    public MeasTaSubscription withDelivery(String newCallbackReference, WebsockNotifConfig newWebsockNotifConfig) {
        return new MeasTaSubscription(subscriptionType, newCallbackReference, requestTestNotification,
                newWebsockNotifConfig, links, filterCriteriaAssoc, expiryDeadline);
    }
}
