package org.oneedge.mec.api.lcm;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.LinkType;
import org.oneedge.mec.api.common.TimeStamp;

/** MEC 010-2 {@code AppLcmOpOccNotification}: an LCM operation occurrence changed state. */
public record AppLcmOpOccNotification(String id, String notificationType, LcmOperation operationType,
                                      OperationState operationState, String subscriptionId, TimeStamp timeStamp,
                                      String appLcmOpOccId, String appInstanceId,
                                      @JsonProperty("_links") Links links) {

    /** {@code _links}: instance, subscription and operation occurrence. */
    public record Links(LinkType appInstance, LinkType subscription, LinkType appLcmOpOcc) {
    }
}
