package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.TimeStamp;

/** Subscription to UE measurement reports (MEC 012 6.3.6), notified with {@link MeasRepUeNotification}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MeasRepUeSubscription(String subscriptionType, String callbackReference,
                                    Boolean requestTestNotification, WebsockNotifConfig websockNotifConfig,
                                    @JsonProperty("_links") SelfLinks links,
                                    FilterCriteriaAssocTri filterCriteriaAssocTri, TimeStamp expiryDeadline)
        implements RniSubscription {

    public static final String TYPE = "MeasRepUeSubscription";

    public MeasRepUeSubscription {
        if (!TYPE.equals(subscriptionType)) {
            throw new IllegalArgumentException("subscriptionType must be " + TYPE);
        }
        if (filterCriteriaAssocTri == null) {
            throw new IllegalArgumentException("filterCriteriaAssocTri is required");
        }
    }

    public static MeasRepUeSubscription of(String callbackReference, FilterCriteriaAssocTri filter,
                                           TimeStamp expiryDeadline) {
        return new MeasRepUeSubscription(TYPE, callbackReference, null, null, null, filter, expiryDeadline);
    }

    @Override
    public MeasRepUeSubscription withLinks(SelfLinks newLinks) {
        return new MeasRepUeSubscription(subscriptionType, callbackReference, requestTestNotification,
                websockNotifConfig, newLinks, filterCriteriaAssocTri, expiryDeadline);
    }

    @Override
    public MeasRepUeSubscription withDelivery(String newCallbackReference, WebsockNotifConfig newWebsockNotifConfig) {
        return new MeasRepUeSubscription(subscriptionType, newCallbackReference, requestTestNotification,
                newWebsockNotifConfig, links, filterCriteriaAssocTri, expiryDeadline);
    }
}
