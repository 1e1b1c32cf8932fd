package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.TimeStamp;

import java.util.List;

/**
 * Subscription to S1 bearer events (MEC 012 6.3.9), notified with {@link S1BearerNotification}. The criteria travel
 * in an attribute the file spells with a capital S: {@code S1BearerSubscriptionCriteria}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record S1BearerSubscription(String subscriptionType, String callbackReference,
                                   Boolean requestTestNotification, WebsockNotifConfig websockNotifConfig,
                                   @JsonProperty("_links") SelfLinks links, List<S1BearerEvent> eventType,
                                   @JsonProperty("S1BearerSubscriptionCriteria")
                                   S1BearerSubscriptionCriteria s1BearerSubscriptionCriteria,
                                   TimeStamp expiryDeadline) implements RniSubscription {

    public static final String TYPE = "S1BearerSubscription";

    public S1BearerSubscription {
        if (!TYPE.equals(subscriptionType)) {
            throw new IllegalArgumentException("subscriptionType must be " + TYPE);
        }
        if (eventType == null || eventType.isEmpty()) {
            throw new IllegalArgumentException("eventType is required (at least one of 1 S1_BEARER_ESTABLISH, "
                    + "2 S1_BEARER_MODIFY, 3 S1_BEARER_RELEASE)");
        }
        eventType = List.copyOf(eventType);
        if (s1BearerSubscriptionCriteria == null) {
            throw new IllegalArgumentException("S1BearerSubscriptionCriteria is required");
        }
    }

    /** A subscription to {@code events} matching {@code criteria}, delivered to {@code callbackReference}. */
    public static S1BearerSubscription of(String callbackReference, List<S1BearerEvent> events,
                                          S1BearerSubscriptionCriteria criteria, TimeStamp expiryDeadline) {
        return new S1BearerSubscription(TYPE, callbackReference, null, null, null, events, criteria, expiryDeadline);
    }

    @Override
    public S1BearerSubscription withLinks(SelfLinks newLinks) {
        return new S1BearerSubscription(subscriptionType, callbackReference, requestTestNotification,
                websockNotifConfig, newLinks, eventType, s1BearerSubscriptionCriteria, expiryDeadline);
    }

    @Override
    public S1BearerSubscription withDelivery(String newCallbackReference, WebsockNotifConfig newWebsockNotifConfig) {
        return new S1BearerSubscription(subscriptionType, newCallbackReference, requestTestNotification,
                newWebsockNotifConfig, links, eventType, s1BearerSubscriptionCriteria, expiryDeadline);
    }
}
