package org.oneedge.mec.api.lcm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.LinkType;

import java.util.List;

/**
 * MEC 010-2 subscription link lists ({@code AppPkgSubscriptionLinkList}, {@code AppInstanceSubscriptionLinkList}):
 * {@code _links{self, subscriptions[{href, subscriptionType}]}}.
 */
public record LinkList(@JsonProperty("_links") Links links) {

    /** {@code _links}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Links(LinkType self, List<Subscription> subscriptions) {
    }

    /** One subscription link. */
    public record Subscription(String href, String subscriptionType) {
    }
}
