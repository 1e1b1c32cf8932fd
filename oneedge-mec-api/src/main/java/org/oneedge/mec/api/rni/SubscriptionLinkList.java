package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.LinkType;

import java.util.List;

/** The subscriptions of a requestor (MEC 012 6.3.10): a self link and one link per subscription with its type. */
public record SubscriptionLinkList(@JsonProperty("_links") Links links) {

    /** {@code _links}: the list itself and the subscriptions. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Links(LinkType self, List<Subscription> subscription) {
    }

    /** One subscription link. */
    public record Subscription(String href, String subscriptionType) {
    }
}
