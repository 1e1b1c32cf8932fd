package org.oneedge.mec.api.lcm;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.LinkType;
import org.oneedge.mec.api.common.TimeStamp;

/**
 * MEC 010-2 {@code AppInstanceIdentifierCreationNotification} and {@code AppInstanceIdentifierDeletionNotification}
 * (same shape; {@code notificationType} is {@code AppIdentifierCreationSubscription} or
 * {@code AppIdentifierDeletionSubscription}).
 */
public record AppInstanceIdentifierNotification(String id, String notificationType, String subscriptionId,
                                                TimeStamp timeStamp, String appInstanceId,
                                                @JsonProperty("_links") Links links) {

    /** {@code _links}: subscription and the created/deleted instance. */
    public record Links(LinkType subscription, LinkType appInstance) {
    }
}
