package org.oneedge.mec.api.ams;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.TimeStamp;

/**
 * Subscription to changes of the instances of the same application on other MEC hosts (MEC 021 7.3.3), notified
 * with {@link AdjacentAppInfoNotification}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdjacentAppInfoSubscription(String subscriptionType, String callbackReference,
                                          Boolean requestTestNotification, WebsockNotifConfig websockNotifConfig,
                                          @JsonProperty("_links") SelfLinks links, FilterCriteria filterCriteria,
                                          TimeStamp expiryDeadline) implements AmsSubscription {

    public static final String TYPE = "AdjacentAppInfoSubscription";

    public AdjacentAppInfoSubscription {
        if (!TYPE.equals(subscriptionType)) {
            throw new IllegalArgumentException("subscriptionType must be " + TYPE);
        }
        if (filterCriteria == null || filterCriteria.appInstanceId() == null) {
            throw new IllegalArgumentException("filterCriteria.appInstanceId is required");
        }
    }

    /** The filter (MEC 021 {@code FilterCriteria1}). */
    public record FilterCriteria(String appInstanceId) {
    }

    public static AdjacentAppInfoSubscription of(String callbackReference, String appInstanceId) {
        return new AdjacentAppInfoSubscription(TYPE, callbackReference, null, null, null,
                new FilterCriteria(appInstanceId), null);
    }

    @Override
    public String filterAppInstanceId() {
        return filterCriteria.appInstanceId();
    }

    @Override
    public AdjacentAppInfoSubscription withLinks(SelfLinks newLinks) {
        return new AdjacentAppInfoSubscription(subscriptionType, callbackReference, requestTestNotification,
                websockNotifConfig, newLinks, filterCriteria, expiryDeadline);
    }

    @Override
    public AdjacentAppInfoSubscription withDelivery(String callback, WebsockNotifConfig websock) {
        return new AdjacentAppInfoSubscription(subscriptionType, callback, requestTestNotification, websock, links,
                filterCriteria, expiryDeadline);
    }
}
