package org.oneedge.mec.api.servicemgmt;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.LinkType;

import java.util.List;

/** MEC 011 {@code SubscriptionLinkList} (both 011 APIs): the subscriptions of one app instance. */
public record SubscriptionLinkList(@JsonProperty("_links") Links links) {

    /** {@code _links}: the list itself and one entry per subscription. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Links(LinkType self, List<Subscription> subscriptions) {
    }

    /** One subscription link ({@code Subscriptions} in the file). */
    public record Subscription(String href, String subscriptionType) {
    }
}
