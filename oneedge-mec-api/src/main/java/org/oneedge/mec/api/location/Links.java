package org.oneedge.mec.api.location;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.oneedge.mec.api.common.LinkType;

/**
 * {@code _links} of a Location resource or notification. The file's schema requires {@code self}; notifications (per
 * the file's examples and the spec text) carry {@code subscription}. OneEdge sends both in notifications, pointing at
 * the subscription.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Links(LinkType self, LinkType subscription) {

    public static Links self(String href) {
        return new Links(LinkType.of(href), null);
    }

    public static Links notification(String subscriptionHref) {
        return new Links(LinkType.of(subscriptionHref), LinkType.of(subscriptionHref));
    }
}
