package org.oneedge.mec.api.ams;

import org.oneedge.mec.api.common.LinkType;

/** {@code _links} of an AMS notification: the subscription it is sent for. */
public record SubscriptionLinks(LinkType subscription) {

    public static SubscriptionLinks of(String href) {
        return new SubscriptionLinks(LinkType.of(href));
    }
}
