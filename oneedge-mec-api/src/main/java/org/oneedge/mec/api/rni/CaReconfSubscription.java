package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.TimeStamp;

/**
 * Subscription to carrier aggregation reconfigurations of UEs (MEC 012 6.3.8), notified with
 * {@link CaReconfNotification}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaReconfSubscription(String subscriptionType, String callbackReference,
                                 Boolean requestTestNotification, WebsockNotifConfig websockNotifConfig,
                                 @JsonProperty("_links") SelfLinks links, FilterCriteriaAssoc filterCriteriaAssoc,
                                 TimeStamp expiryDeadline) implements RniSubscription {

    public static final String TYPE = "CaReconfSubscription";

    public CaReconfSubscription {
        if (!TYPE.equals(subscriptionType)) {
            throw new IllegalArgumentException("subscriptionType must be " + TYPE);
        }
        if (filterCriteriaAssoc == null) {
            throw new IllegalArgumentException("filterCriteriaAssoc is required");
        }
    }

    /** A subscription for the given filter, delivered to {@code callbackReference}. */
    public static CaReconfSubscription of(String callbackReference, FilterCriteriaAssoc filter,
                                        TimeStamp expiryDeadline) {
        return new CaReconfSubscription(TYPE, callbackReference, null, null, null, filter, expiryDeadline);
    }

    @Override
    public CaReconfSubscription withLinks(SelfLinks newLinks) {
        return new CaReconfSubscription(subscriptionType, callbackReference, requestTestNotification,
                websockNotifConfig, newLinks, filterCriteriaAssoc, expiryDeadline);
    }

    @Override
    public CaReconfSubscription withDelivery(String newCallbackReference, WebsockNotifConfig newWebsockNotifConfig) {
        return new CaReconfSubscription(subscriptionType, newCallbackReference, requestTestNotification,
                newWebsockNotifConfig, links, filterCriteriaAssoc, expiryDeadline);
    }
}
