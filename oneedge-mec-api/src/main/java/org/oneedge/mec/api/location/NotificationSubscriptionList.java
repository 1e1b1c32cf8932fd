package org.oneedge.mec.api.location;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.oneedge.mec.api.common.LinkType;

import java.util.List;

/** Subscriptions of a kind (MEC 013 6.3.3, body root {@code notificationSubscriptionList}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationSubscriptionList(LinkType resourceURL, List<Subscription> subscription) {

    /** One subscription link with its type. */
    public record Subscription(String href, String subscriptionType) {
    }
}
