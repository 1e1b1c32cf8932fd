package org.oneedge.mec.api.lcm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.LinkType;
import org.oneedge.mec.api.common.TimeStamp;

/** MEC 010-2 {@code AppInstNotification}: an app instance changed state (NOT_INSTANTIATED, STARTED, STOPPED). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppInstNotification(String id, String notificationType, AppInstanceState appInstanceState,
                                  String subscriptionId, TimeStamp timeStamp, String appInstanceId, String appPkgId,
                                  String appDId, @JsonProperty("_links") Links links) {

    /** {@code _links}: the subscription. */
    public record Links(LinkType subscription) {
    }
}
