package org.oneedge.mec.api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Sent to a subscriber when its subscription's {@code expiryDeadline} passes and the platform deletes it (MEC 009
 * subscription pattern, as used by MEC 012/013/021 and the platform metrics service).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExpiryNotification(String notificationType, TimeStamp timeStamp, TimeStamp expiryDeadline,
                                 @JsonProperty("_links") Links links) {

    public static final String TYPE = "ExpiryNotification";

    /** {@code _links} of an expiry notification: the expired subscription. */
    public record Links(LinkType subscription) {
    }

    public static ExpiryNotification of(TimeStamp now, TimeStamp deadline, String subscriptionHref) {
        return new ExpiryNotification(TYPE, now, deadline, new Links(LinkType.of(subscriptionHref)));
    }
}
