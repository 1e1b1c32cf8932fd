package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.TimeStamp;

/** Subscription to 5G UE measurement reports (MEC 012 6.3.11), notified with {@link NrMeasRepUeNotification}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NrMeasRepUeSubscription(String subscriptionType, String callbackReference,
                                      Boolean requestTestNotification, WebsockNotifConfig websockNotifConfig,
                                      @JsonProperty("_links") SelfLinks links, FilterCriteriaNrMrs filterCriteriaNrMrs,
                                      TimeStamp expiryDeadline) implements RniSubscription {

    public static final String TYPE = "NrMeasRepUeSubscription";

    public NrMeasRepUeSubscription {
        if (!TYPE.equals(subscriptionType)) {
            throw new IllegalArgumentException("subscriptionType must be " + TYPE);
        }
        if (filterCriteriaNrMrs == null) {
            throw new IllegalArgumentException("filterCriteriaNrMrs is required");
        }
    }

    /** A subscription for the given filter, delivered to {@code callbackReference}. */
    public static NrMeasRepUeSubscription of(String callbackReference, FilterCriteriaNrMrs filter,
                                             TimeStamp expiryDeadline) {
        return new NrMeasRepUeSubscription(TYPE, callbackReference, null, null, null, filter, expiryDeadline);
    }

    @Override
    public NrMeasRepUeSubscription withLinks(SelfLinks newLinks) {
        return new NrMeasRepUeSubscription(subscriptionType, callbackReference, requestTestNotification,
                websockNotifConfig, newLinks, filterCriteriaNrMrs, expiryDeadline);
    }

    @Override
    public NrMeasRepUeSubscription withDelivery(String newCallbackReference, WebsockNotifConfig newWebsockNotifConfig) {
        return new NrMeasRepUeSubscription(subscriptionType, newCallbackReference, requestTestNotification,
                newWebsockNotifConfig, links, filterCriteriaNrMrs, expiryDeadline);
    }
}
