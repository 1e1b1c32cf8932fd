package org.oneedge.mec.api.lcm;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.LinkType;

/** MEC 010-2 {@code AppPkgSubscriptionInfo}: a created package subscription. */
public record AppPkgSubscriptionInfo(String id, AppPkgSubscriptionType subscriptionType, String callbackUri,
                                     @JsonProperty("_links") Links links) {

    /** {@code _links}: the subscription itself. */
    public record Links(LinkType self) {
    }
}
